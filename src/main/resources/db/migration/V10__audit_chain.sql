-- The audit hash chain: each entry gets a gap-free sequence number, and a one-row head holds the newest sequence
-- and hash. Appends lock the head row (select ... for update), so the chain never forks, even with several app
-- instances; the unique sequence is a second guard: a stale head can never be appended twice.
alter table audit_entry add column seq bigint;
-- No code wrote audit entries before this version, so every row has a sequence from here on.
alter table audit_entry alter column seq set not null;
alter table audit_entry add constraint uq_audit_entry_seq unique (seq);
create index ix_audit_entry_action on audit_entry (action, at);

create table audit_head (
    id    integer     not null primary key,
    seq   bigint      not null,
    hash  varchar(64) not null,
    constraint ck_audit_head_single check (id = 1)
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
