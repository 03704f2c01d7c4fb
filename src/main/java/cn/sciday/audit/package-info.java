/**
 * Append-only, tamper-evident audit trail of every change: entries chained by SHA-256 hashes, written in the same
 * transaction as the change they record, searchable by city admins, verifiable from the command line. Facade:
 * {@link cn.sciday.audit.AuditTrail}; verification: {@link cn.sciday.audit.AuditChainVerifier}. Other modules never
 * depend on this one: they publish events (their own, or {@link cn.sciday.web.AuditEvent}) and it listens.
 */
package cn.sciday.audit;
