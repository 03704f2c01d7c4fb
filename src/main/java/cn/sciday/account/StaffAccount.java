package cn.sciday.account;

import java.time.Instant;

import cn.sciday.web.Role;

/** A staff account as pages and other modules see it (no password hash, no mobile). */
public record StaffAccount(long id, String username, String displayName, String email, Role role,
        Long organizationId, boolean enabled, boolean locked, Instant lastLoginAt) {
}
