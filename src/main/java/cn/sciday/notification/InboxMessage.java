package cn.sciday.notification;

import java.time.Instant;

/** A message in an account's in-app inbox; {@code link} is a path inside the platform (or null). */
public record InboxMessage(long id, long accountId, String subject, String body, String link, Instant createdAt,
        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
