-- Scheduled jobs run once across instances: ShedLock keeps one row per job name (cn.sciday.platform).
-- Times are the database's UTC time (the lock provider uses database time), as ShedLock's own schema has them.
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);
