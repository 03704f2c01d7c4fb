package cn.sciday.notification;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import cn.sciday.web.PersonalData;

/**
 * Delivers the outbox: claims due rows one at a time (a conditional UPDATE, so two app instances never send the
 * same row), sends e-mail through {@link JavaMailSender} (present only when {@code spring.mail.host} is set;
 * otherwise e-mail rows wait) and SMS through {@link SmsSender}, then marks the row delivered. A failure keeps
 * the row with {@code last_error} and retries it after 30 s, doubling up to 1 h. When a server cannot be reached
 * at all, the rest of that channel waits for the next run instead of each timing out in turn.
 */
@Component
public class OutboxDispatcher {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 100;
    static final int MAX_ROUNDS = 20;

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxRepository outbox;
    private final Supplier<JavaMailSender> mail;
    private final SmsSender sms;
    private final PersonalData personalData;
    private final Clock clock;
    private final String from;
    private final AtomicBoolean toldMailMissing = new AtomicBoolean();

    @Autowired
    OutboxDispatcher(OutboxRepository outbox, ObjectProvider<JavaMailSender> mail, SmsSender sms,
            PersonalData personalData, Clock clock,
            @Value("${sciday.notification.mail-from:科普日活动平台 <noreply@sciday.local>}") String from) {
        this(outbox, mail::getIfAvailable, sms, personalData, clock, from);
    }

    OutboxDispatcher(OutboxRepository outbox, Supplier<JavaMailSender> mail, SmsSender sms,
            PersonalData personalData, Clock clock, String from) {
        this.outbox = outbox;
        this.mail = mail;
        this.sms = sms;
        this.personalData = personalData;
        this.clock = clock;
        this.from = from;
    }

    /** Sends every row that is due now; returns how many were delivered. Safe to run on several instances. */
    public int dispatchDue() {
        JavaMailSender mailSender = mail.get();
        Set<Channel> channels = EnumSet.of(Channel.SMS);
        if (mailSender != null) {
            channels.add(Channel.EMAIL);
        } else if (toldMailMissing.compareAndSet(false, true)) {
            log.warn("spring.mail.host is not set: e-mail notifications wait in the outbox until it is");
        }
        String token = UUID.randomUUID().toString();
        int delivered = 0;
        for (int round = 0; round < MAX_ROUNDS && !channels.isEmpty(); round++) {
            Instant now = clock.instant();
            List<OutboxRepository.Due> due = outbox.findDue(channels, now, BATCH);
            if (due.isEmpty()) {
                break;
            }
            int claimedThisRound = 0;
            for (OutboxRepository.Due row : due) {
                if (!channels.contains(row.channel())) {
                    continue; // its server was unreachable a moment ago: the row waits for the next run
                }
                Optional<OutboxMessage> claimed = outbox.claim(row.id(), token, now, now.plus(LEASE));
                if (claimed.isEmpty()) {
                    continue;
                }
                claimedThisRound++;
                OutboxMessage m = claimed.get();
                try {
                    send(m, mailSender);
                    if (outbox.markDelivered(m.id(), token, clock.instant())) {
                        delivered++;
                    } else {
                        log.warn("Outbox {} was sent but its claim had expired", m.id());
                    }
                } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
                    Duration wait = backoff(m.attempts() + 1);
                    outbox.markFailed(m.id(), token, clock.instant().plus(wait), describe(e));
                    log.warn("Outbox {} ({}) failed on attempt {}; next try in {}: {}", m.id(), m.channel(),
                            m.attempts() + 1, wait, describe(e));
                    if (unreachable(e)) {
                        channels.remove(m.channel());
                    }
                }
            }
            if (claimedThisRound == 0) {
                break;
            }
        }
        return delivered;
    }

    private void send(OutboxMessage m, JavaMailSender mailSender)
            throws MessagingException, UnsupportedEncodingException {
        String address = personalData.decrypt(m.address());
        switch (m.channel()) {
            case SMS -> sms.send(address, m.body());
            case EMAIL -> {
                MimeMessage message = mailSender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                InternetAddress sender = new InternetAddress(from, false);
                helper.setFrom(new InternetAddress(sender.getAddress(), sender.getPersonal(), "UTF-8"));
                helper.setTo(address);
                helper.setSubject(m.subject() == null ? "" : m.subject());
                helper.setText(m.body(), false);
                message.setHeader("X-SciDay-Outbox-Id", String.valueOf(m.id()));
                mailSender.send(message);
            }
        }
    }

    /** 30 s after the first failure, doubling, at most 1 h. */
    static Duration backoff(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 20));
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    /** The server itself cannot be reached (or refuses our login): the channel is down, not this message. */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                    || t instanceof MailAuthenticationException
                    || t instanceof jakarta.mail.AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 900; t = t.getCause() == t ? null : t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        String s = b.toString();
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
