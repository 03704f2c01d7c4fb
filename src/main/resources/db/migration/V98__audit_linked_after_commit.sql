-- Audit entries are written unlinked in the transaction that made the change (no lock taken) and linked into the
-- hash chain just after it commits, in batches, by whoever holds the chain head (see AuditTrail): until then an
-- entry has no sequence and no hashes.
alter table audit_entry alter column seq drop not null;
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
