package cn.sciday.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.web.Actor;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.PersonalData;

/**
 * The notification module's facade. Telling someone something writes, in the caller's transaction (so that it
 * happens if and only if the change it tells about commits), a message to the in-app inbox and outbox rows for
 * e-mail and SMS; {@link OutboxDispatcher} delivers those later, retrying until they go through.
 */
@Service
public class Notifications {

    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 4000;
    static final int SMS_MAX = 500;
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final InboxRepository inbox;
    private final OutboxRepository outbox;
    private final ObjectProvider<RecipientDirectory> directory;
    private final PersonalData personalData;
    private final Clock clock;
    private final String baseUrl;

    Notifications(InboxRepository inbox, OutboxRepository outbox, ObjectProvider<RecipientDirectory> directory,
            PersonalData personalData, Clock clock,
            @Value("${sciday.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.directory = directory;
        this.personalData = personalData;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Tells an account something: an inbox message, and an e-mail when the account has an address. {@code link}
     * is a path inside the platform ("/activities/12") or null. An unknown account is skipped with a warning.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void notify(long accountId, String subject, String body, String link) {
        send(accountId, subject, body, link, false);
    }

    /** Tells every enabled account acting for an organization (its organizers or coordinators); returns how many. */
    @Transactional(propagation = Propagation.REQUIRED)
    public int notifyOrganization(long organizationId, String subject, String body, String link) {
        List<Long> accounts = directory.getObject().accountsOf(organizationId);
        int told = 0;
        for (long accountId : accounts) {
            if (send(accountId, subject, body, link, false)) {
                told++;
            }
        }
        return told;
    }

    /**
     * Tells an account by text message (public users sign up with a mobile number): an inbox message and an SMS;
     * an account without a mobile number gets the text by e-mail instead, when it has an address.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void notifyBySms(long accountId, String text) {
        String t = requireText(text, "text");
        String subject = t.codePointCount(0, t.length()) > 40 ? t.substring(0, t.offsetByCodePoints(0, 40)) + "…" : t;
        send(accountId, subject, t, null, true);
    }

    private boolean send(long accountId, String subject, String body, String link, boolean sms) {
        String s = cut(requireText(subject, "subject"), SUBJECT_MAX);
        String b = cut(requireText(body, "body"), BODY_MAX);
        if (link != null && !isInternalLink(link)) {
            throw new IllegalArgumentException("a notification link must be a path inside the platform: " + link);
        }
        Optional<Recipient> found = directory.getObject().find(accountId);
        if (found.isEmpty()) {
            log.warn("Notification '{}' for unknown account {} skipped", s, accountId);
            return false;
        }
        Recipient r = found.get();
        Instant now = clock.instant();
        inbox.insert(accountId, s, b, link, now);
        boolean hasMobile = r.mobile() != null && !r.mobile().isBlank();
        boolean hasEmail = r.email() != null && !r.email().isBlank();
        if (sms && hasMobile) {
            outbox.insert(Channel.SMS, accountId, personalData.encrypt(r.mobile().strip()), null,
                    cut(b, SMS_MAX), now);
        } else if (hasEmail) {
            String text = link == null ? b : b + "\n\n在平台中查看：" + baseUrl + link;
            outbox.insert(Channel.EMAIL, accountId, personalData.encrypt(r.email().strip()), s, text, now);
        }
        return true;
    }

    // ---- the inbox --------------------------------------------------------------------------------------------

    /** The actor's newest messages first. */
    @Transactional(readOnly = true)
    public List<InboxMessage> inbox(Actor me, int limit) {
        return inbox.findForAccount(me.accountId(), Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public long unreadCount(Actor me) {
        return inbox.countUnread(me.accountId());
    }

    @Transactional(readOnly = true)
    public long count(Actor me) {
        return inbox.count(me.accountId());
    }

    /** Marks one of the actor's messages read; another account's message is not found (404). */
    @Transactional
    public InboxMessage markRead(Actor me, long messageId) {
        inbox.find(me.accountId(), messageId).orElseThrow(() -> new NotFoundException("inbox message " + messageId));
        inbox.markRead(me.accountId(), messageId, clock.instant());
        return inbox.find(me.accountId(), messageId).orElseThrow();
    }

    @Transactional
    public int markAllRead(Actor me) {
        return inbox.markAllRead(me.accountId(), clock.instant());
    }

    /** A path inside the platform: starts with one slash, no scheme, no protocol-relative or backslash tricks. */
    static boolean isInternalLink(String link) {
        return link != null && link.length() <= 500 && link.startsWith("/") && !link.startsWith("//")
                && !link.contains("\\") && link.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a notification needs a " + what);
        }
        return value.strip();
    }

    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}
