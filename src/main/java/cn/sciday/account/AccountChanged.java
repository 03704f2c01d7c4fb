package cn.sciday.account;

/** An account changed: password, enabled or disabled, role or organization. */
public record AccountChanged(long accountId, String username, String change) {
}
