package cn.sciday.account;

/** An API token was revoked. */
public record ApiTokenRevoked(long accountId, long tokenId) {
}
