package cn.sciday.notification;

/** Where an account can be reached: its display name, e-mail (staff, may be null) and mobile (public, may be null). */
public record Recipient(long accountId, String displayName, String email, String mobile) {
}
