package cn.sciday.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * Inside a read-write transaction the entry joins that transaction: it is written just before the transaction
 * commits, not yet linked into the hash chain, and disappears with the change if the transaction rolls back. Outside
 * a transaction, or inside a read-only one (a sensitive read), it is written at once in a transaction of its own.
 * <p>
 * Linking happens after the commit, on this instance's linker thread, in a transaction that holds the chain head and
 * links every entry waiting, in the order they were written: no change waits for the chain head, so changes of
 * unrelated records commit side by side, and one linking serves many changes. Verification links what waits first;
 * {@link AuditLinkSchedule} links every second what no linker got to (an instance stopped just after a commit).
 */
@Service
public class AuditTrail implements DisposableBean {

    /** The actor name of entries that no logged-in person caused. */
    public static final String SYSTEM = "系统";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    static final int PAGE_SIZE = 50;
    static final int LINK_BATCH = 500;

    private final AuditRepository repo;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService linker = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "audit-linker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean linkRequested = new AtomicBoolean();

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
            ownTransaction.executeWithoutResult(status -> repo.stage(List.of(draft)));
            requestLinking();
        }
    }

    /**
     * Writes what the current transaction has recorded so far now (still in that transaction, still linked after its
     * commit) instead of just before the commit; nothing when there is no transaction or nothing waits.
     */
    public void writeRecorded() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                p.beforeCommit(false);
            }
        }
    }

    /**
     * Asks this instance's linker thread to link what waits. The thread, not the committing one, does it: a thread
     * that still holds its transaction's connection must not ask the pool for another (under load every connection
     * would wait for a second one).
     */
    void requestLinking() {
        if (linkRequested.compareAndSet(false, true)) {
            try {
                linker.execute(() -> {
                    linkRequested.set(false);
                    try {
                        linkWaiting();
                    } catch (RuntimeException e) {
                        log.warn("Linking audit entries failed; the next change or the schedule tries again", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                linkRequested.set(false);
            }
        }
    }

    @Override
    public void destroy() {
        linker.shutdown();
    }

    /**
     * Links the committed entries that wait for their place in the chain, a batch at a time, each batch in a
     * transaction of its own that holds the chain head (waiting for another linker, of this instance or another, to
     * finish). Returns how many it linked. Needs a connection of its own: never call it inside a transaction.
     */
    public long linkWaiting() {
        long linked = 0;
        while (true) {
            if (repo.unlinkedCount() == 0) {
                // nothing waits (another linker got there first, or the schedule found nothing): no lock, no write
                return linked;
            }
            Integer batch = ownTransaction.execute(status -> {
                AuditRepository.Head head = repo.headForLinking();
                List<AuditEntry> waiting = repo.unlinked(LINK_BATCH);
                if (!waiting.isEmpty()) {
                    repo.linkAfter(head, waiting);
                }
                return waiting.size();
            });
            linked += batch;
            if (batch < LINK_BATCH) {
                return linked;
            }
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
     * The entries of one transaction, written just before it commits and linked just after. Entries recorded after
     * that point (by another synchronization's before- or after-commit work) are written in a transaction of their
     * own once the transaction has committed, so none is lost.
     */
    private static final class Pending implements TransactionSynchronization {

        final AuditTrail owner;
        final List<AuditDraft> drafts = new ArrayList<>();
        boolean staged;

        Pending(AuditTrail owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!drafts.isEmpty()) {
                owner.repo.stage(List.copyOf(drafts));
                drafts.clear();
                staged = true;
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
                return;
            }
            if (!drafts.isEmpty()) {
                List<AuditDraft> late = List.copyOf(drafts);
                drafts.clear();
                owner.ownTransaction.executeWithoutResult(s -> owner.repo.stage(late));
                staged = true;
            }
            if (staged) {
                owner.requestLinking();
            }
        }
    }
}
