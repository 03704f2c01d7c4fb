package cn.sciday.account;

import java.time.Duration;
import java.time.Instant;

import cn.sciday.web.Role;

/** A staff or public identity. Login throttling is a guarded state change: 5 failures lock it for 15 minutes. */
final class Account {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    final Long id;
    final String username;
    String passwordHash;
    String displayName;
    String email;
    final Role role;
    final Long organizationId;
    final String mobileHash;
    final String mobileCipher;
    boolean enabled;
    int failedLogins;
    Instant lockedUntil;
    final Instant createdAt;
    Instant lastLoginAt;

    Account(Long id, String username, String passwordHash, String displayName, String email, Role role,
            Long organizationId, String mobileHash, String mobileCipher, boolean enabled, int failedLogins,
            Instant lockedUntil, Instant createdAt, Instant lastLoginAt) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        this.organizationId = organizationId;
        this.mobileHash = mobileHash;
        this.mobileCipher = mobileCipher;
        this.enabled = enabled;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.createdAt = createdAt;
        this.lastLoginAt = lastLoginAt;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failed login; returns true when this failure locks the account. */
    boolean recordFailure(Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failedLogins = 0;
            lockedUntil = null;
        }
        failedLogins++;
        if (failedLogins >= MAX_FAILURES && lockedUntil == null) {
            lockedUntil = now.plus(LOCK);
            return true;
        }
        return false;
    }

    void recordSuccess(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }
}
