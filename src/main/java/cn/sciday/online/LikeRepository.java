package cn.sciday.online;

import static cn.sciday.online.VideoRepository.instant;
import static cn.sciday.online.VideoRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for likes and the like counters of their targets. The table's UNIQUE (target, account, day) constraint is what
 * makes a second like the same day impossible; the counter is changed in the same transaction as the like row.
 */
@Repository
class LikeRepository {

    /** A like's id and time, for the interval check. */
    record Stamp(long id, Instant at) {
    }

    /** One like as the review queue sees it. */
    record Row(long id, LikeTarget target, long targetId, long accountId, LocalDate day, Instant createdAt,
            String addressMasked, boolean flagged, String flagReason, boolean reviewed, boolean voided) {
    }

    static final String TABLE = "online_like";

    private final JdbcClient jdbc;
    /** The like table; the concurrency test's negative control points it at a copy without the constraint. */
    private volatile String table = TABLE;

    LikeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For the negative control only. */
    void useTable(String name) {
        if (!name.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException(name);
        }
        this.table = name;
    }

    boolean targetApproved(LikeTarget target, long id) {
        return jdbc.sql("select count(*) from " + target.table() + " where id = ? and status = 'APPROVED'")
                .param(id).query(Integer.class).single() > 0;
    }

    boolean exists(LikeTarget target, long targetId, long accountId, LocalDate day) {
        return jdbc.sql("select count(*) from " + table
                + " where target_type = ? and target_id = ? and account_id = ? and like_day = ?")
                .params(target.name(), targetId, accountId, day).query(Integer.class).single() > 0;
    }

    long insert(LikeTarget target, long targetId, long accountId, LocalDate day, Instant at, String addressHash,
            String addressMasked) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + table + " (target_type, target_id, account_id, like_day, created_at, address_hash,"
                + " address_masked, flagged, reviewed, voided) values (?, ?, ?, ?, ?, ?, ?, false, false, false)")
                .params(target.name(), targetId, accountId, day, utc(at), addressHash, addressMasked)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void addToCount(LikeTarget target, long targetId, int delta) {
        jdbc.sql("update " + target.table() + " set like_count = like_count + ? where id = ?")
                .params(delta, targetId).update();
    }

    int counter(LikeTarget target, long targetId) {
        return jdbc.sql("select like_count from " + target.table() + " where id = ?").param(targetId)
                .query(Integer.class).optional().orElse(0);
    }

    /** The counters of several targets (unknown ids are left out). */
    Map<Long, Integer> counters(LikeTarget target, Collection<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, like_count from " + target.table() + " where id in (:ids)").param("ids", List.copyOf(ids))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    /** A page of approved targets by likes (most first, then lower id): a video round's (one category), or volunteers. */
    List<Long> rankedIds(LikeTarget target, Long roundId, String category, int offset, int limit) {
        if (target == LikeTarget.VOLUNTEER) {
            return jdbc.sql("select id from volunteer where status = 'APPROVED' order by like_count desc, id asc"
                    + " offset ? rows fetch first ? rows only").params(offset, limit).query(Long.class).list();
        }
        return jdbc.sql("select id from video_entry where round_id = ? and status = 'APPROVED'"
                + " and (cast(? as varchar(50)) is null or category = ?) order by like_count desc, id asc"
                + " offset ? rows fetch first ? rows only")
                .params(roundId, category, category, offset, limit).query(Long.class).list();
    }

    /** Where a target is ranked and its count: for a video its round and category. */
    record Ranked(long id, int likes, boolean approved, Long roundId, String category) {
    }

    Optional<Ranked> ranked(LikeTarget target, long id) {
        if (target == LikeTarget.VOLUNTEER) {
            return jdbc.sql("select id, like_count, status from volunteer where id = ?").param(id)
                    .query((rs, i) -> new Ranked(rs.getLong(1), rs.getInt(2), "APPROVED".equals(rs.getString(3)),
                            null, null)).optional();
        }
        return jdbc.sql("select id, like_count, status, round_id, category from video_entry where id = ?").param(id)
                .query((rs, i) -> new Ranked(rs.getLong(1), rs.getInt(2), "APPROVED".equals(rs.getString(3)),
                        rs.getLong(4), rs.getString(5))).optional();
    }

    /** Every approved target of a ranking scope with its count (a video round's entries, or all volunteers). */
    List<Ranked> approvedRanked(LikeTarget target, Long roundId) {
        if (target == LikeTarget.VOLUNTEER) {
            return jdbc.sql("select id, like_count from volunteer where status = 'APPROVED'")
                    .query((rs, i) -> new Ranked(rs.getLong(1), rs.getInt(2), true, null, null)).list();
        }
        return jdbc.sql("select id, like_count, category from video_entry where round_id = ? and status = 'APPROVED'")
                .param(roundId)
                .query((rs, i) -> new Ranked(rs.getLong(1), rs.getInt(2), true, roundId, rs.getString(3))).list();
    }

    /** The count from the like rows themselves (not voided). */
    int countValid(LikeTarget target, long targetId) {
        return jdbc.sql("select count(*) from " + table + " where target_type = ? and target_id = ? and voided = false")
                .params(target.name(), targetId).query(Integer.class).single();
    }

    int distinctAccountsFromAddress(LikeTarget target, long targetId, String addressHash, Instant since) {
        return jdbc.sql("select count(distinct account_id) from " + table
                + " where target_type = ? and target_id = ? and address_hash = ? and created_at >= ? and voided = false")
                .params(target.name(), targetId, addressHash, utc(since)).query(Integer.class).single();
    }

    int flagAddressBurst(LikeTarget target, long targetId, String addressHash, Instant since, String reason) {
        return jdbc.sql("update " + table + " set flagged = true, flag_reason = ? where target_type = ? and target_id = ?"
                + " and address_hash = ? and created_at >= ? and flagged = false and voided = false")
                .params(reason, target.name(), targetId, addressHash, utc(since)).update();
    }

    List<Stamp> recentByAccount(long accountId, int n) {
        return jdbc.sql("select id, created_at from " + table
                + " where account_id = ? order by created_at desc, id desc fetch first ? rows only")
                .params(accountId, n).query((rs, i) -> new Stamp(rs.getLong("id"), instant(rs, "created_at"))).list();
    }

    List<Stamp> recentFromAddress(LikeTarget target, long targetId, String addressHash, int n) {
        return jdbc.sql("select id, created_at from " + table + " where target_type = ? and target_id = ?"
                + " and address_hash = ? order by created_at desc, id desc fetch first ? rows only")
                .params(target.name(), targetId, addressHash, n)
                .query((rs, i) -> new Stamp(rs.getLong("id"), instant(rs, "created_at"))).list();
    }

    void flag(List<Long> ids, String reason) {
        for (long id : ids) {
            jdbc.sql("update " + table + " set flagged = true, flag_reason = ? where id = ? and flagged = false")
                    .params(reason, id).update();
        }
    }

    Optional<Row> lock(long id) {
        return jdbc.sql("select * from " + table + " where id = ? for update").param(id).query(this::row).optional();
    }

    void markVoided(long id, long by, Instant at) {
        jdbc.sql("update " + table + " set voided = true, reviewed = true, reviewed_by = ?, reviewed_at = ? where id = ?")
                .params(by, utc(at), id).update();
    }

    void markKept(long id, long by, Instant at) {
        jdbc.sql("update " + table + " set reviewed = true, reviewed_by = ?, reviewed_at = ? where id = ?")
                .params(by, utc(at), id).update();
    }

    /** Flagged likes nobody has reviewed yet, oldest first. */
    List<Row> openFlags(int limit) {
        return jdbc.sql("select * from " + table + " where flagged = true and reviewed = false and voided = false"
                + " order by target_type, target_id, created_at, id fetch first ? rows only")
                .param(limit).query(this::row).list();
    }

    int countOpenFlags() {
        return jdbc.sql("select count(*) from " + table + " where flagged = true and reviewed = false and voided = false")
                .query(Integer.class).single();
    }

    Optional<String> targetTitle(LikeTarget target, long id) {
        String column = target == LikeTarget.VIDEO ? "title" : "person_name";
        return jdbc.sql("select " + column + " from " + target.table() + " where id = ?").param(id)
                .query(String.class).optional();
    }

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), LikeTarget.valueOf(rs.getString("target_type")), rs.getLong("target_id"),
                rs.getLong("account_id"), rs.getObject("like_day", LocalDate.class), instant(rs, "created_at"),
                rs.getString("address_masked"), rs.getBoolean("flagged"), rs.getString("flag_reason"),
                rs.getBoolean("reviewed"), rs.getBoolean("voided"));
    }
}
