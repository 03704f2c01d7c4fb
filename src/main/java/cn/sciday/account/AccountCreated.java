package cn.sciday.account;

/** An account was created (by registration, by a city admin, or on a public user's first login). */
public record AccountCreated(long accountId, String username, String role, Long organizationId) {
}
