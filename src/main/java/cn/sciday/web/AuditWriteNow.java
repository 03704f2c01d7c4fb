package cn.sciday.web;

/**
 * Asks the audit trail to write what the current transaction has recorded so far now, instead of just before the
 * commit. A module publishes it before it takes a lock that every request for the same thing needs (one activity's
 * seats), so that from the lock to the commit nothing else has to be written.
 */
public record AuditWriteNow() {
}
