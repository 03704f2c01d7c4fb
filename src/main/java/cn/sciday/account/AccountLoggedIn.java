package cn.sciday.account;

/** A staff or public user logged in. */
public record AccountLoggedIn(long accountId, String username, String address) {
}
