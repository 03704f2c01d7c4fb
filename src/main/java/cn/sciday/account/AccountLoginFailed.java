package cn.sciday.account;

/** A login failed; {@code locked} is true when this failure locked the account. */
public record AccountLoginFailed(String username, boolean locked, String address) {
}
