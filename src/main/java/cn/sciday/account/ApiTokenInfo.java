package cn.sciday.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** An API token as its owner sees it on the profile page (never the secret itself). */
public record ApiTokenInfo(long id, String label, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public boolean active(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Expiry in Beijing time, for the profile page. */
    public String expiresText() {
        return TIME.format(expiresAt);
    }
}
