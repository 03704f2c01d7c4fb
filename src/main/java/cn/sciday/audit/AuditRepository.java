package cn.sciday.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.sciday.campaign.Campaign;

/**
 * The audit tables. Entries are first written unlinked; linking reads the one-row chain head with
 * {@code select … for update}, so linking transactions (from any number of app instances) never run side by side,
 * and each entry links to the one before it.
 */
@Repository
class AuditRepository {

    /** The newest sequence number and hash of the chain (0 and the genesis hash when it is empty). */
    record Head(long seq, String hash) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private volatile boolean lockHead = true;

    AuditRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Tests only: links without locking the head, to show that the lock is what keeps the chain from forking. */
    void lockHeadForTestsOnly(boolean lock) {
        this.lockHead = lock;
    }

    /** Writes entries not yet linked into the chain (no sequence, no hashes), in the caller's transaction. */
    void stage(List<AuditDraft> drafts) {
        for (AuditDraft d : drafts) {
            jdbc.sql("""
                    insert into audit_entry (at, actor_id, actor_name, address, action, target_type, target_id, detail)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.at().atOffset(ZoneOffset.UTC), d.actorId(), d.actorName(), d.address(), d.action(),
                            d.targetType(), d.targetId(), d.detail())
                    .update();
        }
    }

    Head head(boolean forUpdate) {
        return jdbc.sql("select seq, hash from audit_head where id = 1" + (forUpdate ? " for update" : ""))
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** The head, locked until the caller's transaction ends (unless a test switched the lock off). */
    Head headForLinking() {
        return head(lockHead);
    }

    /** Committed entries not yet linked, oldest first. */
    List<AuditEntry> unlinked(int limit) {
        return jdbc.sql("select * from audit_entry where seq is null order by id fetch first " + limit + " rows only")
                .query(this::map).list();
    }

    long unlinkedCount() {
        return jdbc.sql("select count(*) from audit_entry where seq is null").query(Long.class).single();
    }

    /** Links the entries after {@code head}, in the order given, and moves the head on. */
    Head linkAfter(Head head, List<AuditEntry> entries) {
        long seq = head.seq();
        String prev = head.hash();
        List<Object[]> links = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            seq++;
            String hash = AuditHash.of(seq, e.at(), e.actorId(), e.actorName(), e.address(), e.action(),
                    e.targetType(), e.targetId(), e.detail(), prev);
            links.add(new Object[] {seq, prev, hash, e.id()});
            prev = hash;
        }
        // one batch, not a round trip per entry: the linker follows every audited request (a sign-up is one)
        batch.batchUpdate("update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ?", links);
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, prev).update();
        return new Head(seq, prev);
    }

    /** Entries with {@code afterSeq < seq <= uptoSeq} in chain order, at most {@code limit}. */
    List<AuditEntry> chain(long afterSeq, long uptoSeq, int limit) {
        return jdbc.sql("select * from audit_entry where seq > ? and seq <= ? order by seq, id fetch first "
                + limit + " rows only").params(afterSeq, uptoSeq).query(this::map).list();
    }

    AuditPage search(AuditFilter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (f.actorName() != null && !f.actorName().isBlank()) {
            where.append(" and lower(actor_name) like ? escape '!'");
            params.add("%" + likeEscaped(f.actorName().strip().toLowerCase()) + "%");
        }
        exact(where, params, "action", f.action());
        exact(where, params, "target_type", f.targetType());
        exact(where, params, "target_id", f.targetId());
        if (f.from() != null) {
            where.append(" and at >= ?");
            params.add(f.from().atStartOfDay(Campaign.ZONE).toOffsetDateTime());
        }
        if (f.to() != null) {
            where.append(" and at < ?");
            params.add(f.to().plusDays(1).atStartOfDay(Campaign.ZONE).toOffsetDateTime());
        }
        long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("select * from audit_entry" + where
                + " order by id desc offset " + (long) (page - 1) * size + " rows fetch next " + size + " rows only")
                .params(params).query(this::map).list();
        return new AuditPage(items, total, page, size);
    }

    List<String> distinct(String column) {
        if (!column.equals("action") && !column.equals("target_type")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select distinct " + column + " from audit_entry order by " + column)
                .query(String.class).list();
    }

    private static void exact(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value.strip());
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("seq");
        Long linked = rs.wasNull() ? null : seq;
        long actor = rs.getLong("actor_id");
        Long actorId = rs.wasNull() ? null : actor;
        Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
        return new AuditEntry(rs.getLong("id"), linked, at, actorId, rs.getString("actor_name"),
                rs.getString("address"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
