package cn.sciday.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for video rounds and entries. Quotas are counted while the round row is locked ({@link #lockRound}). */
@Repository
class VideoRepository {

    /** How the gallery is ordered. */
    enum Sort {
        NEWEST("e.reviewed_at desc, e.id desc"), LIKES("e.like_count desc, e.id asc");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        static Sort of(String value) {
            return "likes".equalsIgnoreCase(value) ? LIKES : NEWEST;
        }
    }

    private final JdbcClient jdbc;

    VideoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- rounds -------------------------------------------------------------------------------------------------

    long insertRound(long campaignId, VideoRound r, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into video_round (campaign_id, title, opens_at, closes_at, max_upload_mb, max_duration_seconds,
                    entries_per_person, entries_per_unit, categories, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, r.title(), utc(r.opensAt()), utc(r.closesAt()), r.maxUploadMb(),
                        r.maxDurationSeconds(), r.entriesPerPerson(), r.entriesPerUnit(),
                        String.join("\n", r.categories()), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateRound(VideoRound r, Instant now) {
        jdbc.sql("""
                update video_round set title = ?, opens_at = ?, closes_at = ?, max_upload_mb = ?,
                    max_duration_seconds = ?, entries_per_person = ?, entries_per_unit = ?, categories = ?,
                    updated_at = ? where id = ?""")
                .params(r.title(), utc(r.opensAt()), utc(r.closesAt()), r.maxUploadMb(), r.maxDurationSeconds(),
                        r.entriesPerPerson(), r.entriesPerUnit(), String.join("\n", r.categories()), utc(now), r.id())
                .update();
    }

    Optional<VideoRound> findRound(long id) {
        return jdbc.sql("select * from video_round where id = ?").param(id).query(this::round).optional();
    }

    /** Locks the round row: entries are counted against the quotas only while it is held. */
    Optional<VideoRound> lockRound(long id) {
        return jdbc.sql("select * from video_round where id = ? for update").param(id).query(this::round).optional();
    }

    /** The round of a campaign that is open now, else the next to open, else the last that closed. */
    Optional<VideoRound> currentRound(long campaignId, Instant now) {
        List<VideoRound> all = rounds(campaignId);
        return all.stream().filter(r -> r.isOpen(now)).findFirst()
                .or(() -> all.stream().filter(r -> r.notYetOpen(now)).reduce((a, b) -> b))
                .or(() -> all.stream().findFirst());
    }

    /** Newest first. */
    List<VideoRound> rounds(long campaignId) {
        return jdbc.sql("select * from video_round where campaign_id = ? order by opens_at desc, id desc")
                .param(campaignId).query(this::round).list();
    }

    // ---- entries ------------------------------------------------------------------------------------------------

    long insertEntry(VideoEntry e) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into video_entry (round_id, submitter_account_id, organization_id, title, description,
                    author_name, unit_name, category, link_url, video_media_id, cover_media_id, duration_seconds,
                    status, rejection_reason, reviewed_by, reviewed_at, like_count, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, 0, ?, ?)""")
                .params(e.roundId(), e.submitterAccountId(), e.organizationId(), e.title(), e.description(),
                        e.authorName(), e.unitName(), e.category(), e.linkUrl(), e.videoMediaId(), e.coverMediaId(),
                        e.durationSeconds(), e.status().name(), e.reviewedAt() == null ? null : utc(e.reviewedAt()),
                        utc(e.createdAt()), utc(e.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Saves an edit; the entry goes back to review. */
    void updateEntry(VideoEntry e, Instant now) {
        jdbc.sql("""
                update video_entry set title = ?, description = ?, author_name = ?, unit_name = ?, category = ?,
                    link_url = ?, video_media_id = ?, cover_media_id = ?, duration_seconds = ?, status = 'PENDING',
                    rejection_reason = null, reviewed_by = null, reviewed_at = null, updated_at = ? where id = ?""")
                .params(e.title(), e.description(), e.authorName(), e.unitName(), e.category(), e.linkUrl(),
                        e.videoMediaId(), e.coverMediaId(), e.durationSeconds(), utc(now), e.id())
                .update();
    }

    /** Moves a PENDING entry to APPROVED or REJECTED; false when it was not pending any more. */
    boolean review(long id, VideoEntryStatus status, String reason, long by, Instant now) {
        return jdbc.sql("""
                update video_entry set status = ?, rejection_reason = ?, reviewed_by = ?, reviewed_at = ?,
                    updated_at = ? where id = ? and status = 'PENDING'""")
                .params(status.name(), reason, by, utc(now), utc(now), id).update() == 1;
    }

    Optional<VideoEntry> findEntry(long id) {
        return jdbc.sql("select * from video_entry where id = ?").param(id).query(this::entry).optional();
    }

    /** Entries that count against a person's quota in a round (pending or approved). */
    int countByPerson(long roundId, long accountId) {
        return jdbc.sql("""
                select count(*) from video_entry where round_id = ? and submitter_account_id = ?
                    and organization_id is null and status in ('PENDING', 'APPROVED')""")
                .params(roundId, accountId).query(Integer.class).single();
    }

    /** Entries that count against a unit's quota in a round (pending or approved). */
    int countByUnit(long roundId, long organizationId) {
        return jdbc.sql("""
                select count(*) from video_entry where round_id = ? and organization_id = ?
                    and status in ('PENDING', 'APPROVED')""")
                .params(roundId, organizationId).query(Integer.class).single();
    }

    /** A person's entries, and for an organizer also its unit's; newest first. */
    List<VideoEntry> entriesOf(long accountId, Long organizationId) {
        return jdbc.sql("""
                select * from video_entry where submitter_account_id = ?
                    or (cast(? as bigint) is not null and organization_id = ?) order by created_at desc, id desc""")
                .params(accountId, organizationId, organizationId).query(this::entry).list();
    }

    List<VideoEntry> byStatus(VideoEntryStatus status, int limit) {
        return jdbc.sql("select * from video_entry where status = ? order by created_at, id fetch first ? rows only")
                .params(status.name(), limit).query(this::entry).list();
    }

    int countByStatus(VideoEntryStatus status) {
        return jdbc.sql("select count(*) from video_entry where status = ?").param(status.name())
                .query(Integer.class).single();
    }

    /** Approved entries of a round for the gallery, optionally of one category. */
    List<VideoEntry> approved(long roundId, String category, Sort sort, int limit, int offset) {
        return jdbc.sql("select e.* from video_entry e where e.round_id = ? and e.status = 'APPROVED'"
                + " and (cast(? as varchar(50)) is null or e.category = ?) order by " + sort.orderBy
                + " offset ? rows fetch first ? rows only")
                .params(roundId, category, category, offset, limit).query(this::entry).list();
    }

    /** The entries with these ids, in the order of the ids (ids not found are left out). */
    List<VideoEntry> entriesInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, VideoEntry> byId = new HashMap<>();
        jdbc.sql("select * from video_entry where id in (:ids)").param("ids", ids).query(this::entry).list()
                .forEach(e -> byId.put(e.id(), e));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    int countApproved(long roundId, String category) {
        return jdbc.sql("""
                select count(*) from video_entry where round_id = ? and status = 'APPROVED'
                    and (cast(? as varchar(50)) is null or category = ?)""")
                .params(roundId, category, category).query(Integer.class).single();
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    private VideoRound round(ResultSet rs, int row) throws SQLException {
        return new VideoRound(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("title"),
                instant(rs, "opens_at"), instant(rs, "closes_at"), rs.getInt("max_upload_mb"),
                rs.getInt("max_duration_seconds"), rs.getInt("entries_per_person"), rs.getInt("entries_per_unit"),
                OnlineMedia.lines(rs.getString("categories")));
    }

    private VideoEntry entry(ResultSet rs, int row) throws SQLException {
        return new VideoEntry(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("submitter_account_id"),
                nullableLong(rs, "organization_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("author_name"), rs.getString("unit_name"), rs.getString("category"),
                rs.getString("link_url"), nullableLong(rs, "video_media_id"), nullableLong(rs, "cover_media_id"),
                nullableInt(rs, "duration_seconds"), VideoEntryStatus.valueOf(rs.getString("status")),
                rs.getString("rejection_reason"), rs.getInt("like_count"), instant(rs, "created_at"),
                instant(rs, "reviewed_at"));
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
