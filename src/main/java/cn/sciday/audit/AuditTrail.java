package cn.sciday.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.Actors;

/**
 * The audit module's facade: records who did what to which record, when and from where.
 * <p>
 * Inside a read-write transaction the entry joins that transaction: it is appended to the hash chain just before
 * the transaction commits (so the chain head is locked only for the commit, not for the whole change) and it
 * disappears with the change if the transaction rolls back. Outside a transaction, or inside a read-only one (a
 * sensitive read), the entry is written at once in a transaction of its own.
 */
@Service
public class AuditTrail {

    /** The actor name of entries that no logged-in person caused. */
    public static final String SYSTEM = "系统";

    static final int PAGE_SIZE = 50;

    private final AuditRepository repo;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditTrail(AuditRepository repo, Clock clock, PlatformTransactionManager transactions) {
        this.repo = repo;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an action of the logged-in actor ({@value #SYSTEM} when nobody is) from the current request's address. */
    public void record(String action, String targetType, String targetId, String detail) {
        Optional<Actor> actor = Actors.current();
        record(actor.map(Actor::accountId).orElse(null), actor.map(AuditTrail::nameOf).orElse(SYSTEM),
                currentAddress(), action, targetType, targetId, detail);
    }

    /** Records an action whose actor and address the caller knows (a login, for example). */
    public void record(Long actorId, String actorName, String address, String action, String targetType,
            String targetId, String detail) {
        AuditDraft draft = AuditDraft.of(clock.instant(), actorId, actorName, address, action, targetType, targetId,
                detail);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            pending().drafts.add(draft);
        } else {
            ownTransaction.executeWithoutResult(status -> repo.append(List.of(draft)));
        }
    }

    /** Search, newest first, {@value #PAGE_SIZE} entries a page; {@code page} counts from 1. */
    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter filter, int page) {
        return repo.search(filter, Math.max(1, page), PAGE_SIZE);
    }

    /** How an actor is named in the trail: display name and user name, so that either finds them. */
    static String nameOf(Actor actor) {
        String display = actor.displayName() == null ? "" : actor.displayName().strip();
        String user = actor.username() == null ? "" : actor.username().strip();
        if (display.isEmpty() || display.equals(user)) {
            return user.isEmpty() ? "#" + actor.accountId() : user;
        }
        return user.isEmpty() ? display : display + "（" + user + "）";
    }

    /** The client address of the current request, or null outside a request. */
    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    private Pending pending() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                return p;
            }
        }
        Pending p = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /**
     * The entries of one transaction, appended to the chain just before it commits. Entries recorded after that
     * point (by another synchronization's before- or after-commit work) are written in a transaction of their own
     * once the transaction has committed, so none is lost.
     */
    private static final class Pending implements TransactionSynchronization {

        final AuditTrail owner;
        final List<AuditDraft> drafts = new ArrayList<>();

        Pending(AuditTrail owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!drafts.isEmpty()) {
                owner.repo.append(List.copyOf(drafts));
                drafts.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !drafts.isEmpty()) {
                List<AuditDraft> late = List.copyOf(drafts);
                drafts.clear();
                owner.ownTransaction.executeWithoutResult(s -> owner.repo.append(late));
            }
        }
    }
}
