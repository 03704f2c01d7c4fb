package cn.sciday.account;

/** An API token was issued. */
public record ApiTokenIssued(long accountId, long tokenId, String label) {
}
