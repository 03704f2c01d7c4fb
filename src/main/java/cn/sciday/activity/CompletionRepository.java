package cn.sciday.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Completion rows, photos and links of activities, and their counts for scores. */
@Repository
class CompletionRepository {

    /** The stored completion of one activity (without photos and links). */
    record Row(long activityId, Integer actualParticipants, String onlineUrl, String summary, Instant completedAt,
            Instant updatedAt, int version) {
    }

    /** A photo: its slot (1..9) and the media file. */
    record PhotoRow(long id, int slot, long fileId, Instant createdAt) {
    }

    /** A news report or video link. */
    record LinkRow(long id, CompletionLinkKind kind, String title, String url, Instant createdAt) {
    }

    private static final String FACTS = """
            select a.id, a.campaign_id, a.organization_id, a.name, a.activity_format, a.status,
                c.actual_participants, c.completed_at, c.updated_at,
                case when c.online_url is null then 0 else 1 end as has_url,
                case when c.summary_text is null then 0 else 1 end as has_summary,
                (select count(*) from activity_photo p where p.activity_id = a.id) as photos,
                (select count(*) from activity_link l where l.activity_id = a.id and l.link_kind = 'NEWS') as news,
                (select count(*) from activity_link l where l.activity_id = a.id and l.link_kind = 'VIDEO') as videos
            from activity a left join activity_completion c on c.activity_id = a.id""";

    private final JdbcClient jdbc;

    CompletionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long activityId) {
        return jdbc.sql("select * from activity_completion where activity_id = ?").param(activityId)
                .query((rs, i) -> new Row(rs.getLong("activity_id"),
                        (Integer) rs.getObject("actual_participants", Integer.class), rs.getString("online_url"),
                        rs.getString("summary_text"), instant(rs.getTimestamp("completed_at")),
                        instant(rs.getTimestamp("updated_at")), rs.getInt("version")))
                .optional();
    }

    /** Creates the empty row of an activity if there is none yet (two at once: one wins, the other finds it). */
    void ensure(long activityId, Instant at, long by) {
        if (find(activityId).isPresent()) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into activity_completion (activity_id, updated_at, updated_by, version)
                    values (?, ?, ?, 0)""").params(activityId, ts(at), by).update();
        } catch (DuplicateKeyException e) {
            // someone else created it meanwhile
        }
    }

    /** Writes the form fields with an optimistic version check; false when someone changed them meanwhile. */
    boolean update(long activityId, int version, Integer participants, String url, String summary, Instant at,
            long by) {
        return jdbc.sql("""
                update activity_completion set actual_participants = ?, online_url = ?, summary_text = ?,
                    updated_at = ?, updated_by = ?, version = version + 1
                where activity_id = ? and version = ?""")
                .params(participants, url, summary, ts(at), by, activityId, version).update() == 1;
    }

    /** Marks the activity's completion complete at {@code at}, or incomplete with null. */
    void markCompleted(long activityId, Instant at) {
        jdbc.sql("update activity_completion set completed_at = ? where activity_id = ?").params(ts(at), activityId)
                .update();
    }

    void touch(long activityId, Instant at, long by) {
        jdbc.sql("update activity_completion set updated_at = ?, updated_by = ?, version = version + 1 where activity_id = ?")
                .params(ts(at), by, activityId).update();
    }

    List<PhotoRow> photos(long activityId) {
        return jdbc.sql("select * from activity_photo where activity_id = ? order by slot").param(activityId)
                .query((rs, i) -> new PhotoRow(rs.getLong("id"), rs.getInt("slot"), rs.getLong("media_file_id"),
                        instant(rs.getTimestamp("created_at"))))
                .list();
    }

    long insertPhoto(long activityId, int slot, long fileId, Instant at, long by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into activity_photo (activity_id, slot, media_file_id, created_at, created_by) values (?, ?, ?, ?, ?)")
                .params(activityId, slot, fileId, ts(at), by).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<PhotoRow> photo(long activityId, long photoId) {
        return photos(activityId).stream().filter(p -> p.id() == photoId).findFirst();
    }

    void deletePhoto(long photoId) {
        jdbc.sql("delete from activity_photo where id = ?").param(photoId).update();
    }

    List<LinkRow> links(long activityId) {
        return jdbc.sql("select * from activity_link where activity_id = ? order by link_kind, id").param(activityId)
                .query((rs, i) -> new LinkRow(rs.getLong("id"), CompletionLinkKind.valueOf(rs.getString("link_kind")),
                        rs.getString("title"), rs.getString("url"), instant(rs.getTimestamp("created_at"))))
                .list();
    }

    long insertLink(long activityId, CompletionLinkKind kind, String title, String url, Instant at, long by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into activity_link (activity_id, link_kind, title, url, created_at, created_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(activityId, kind.name(), title, url, ts(at), by).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean deleteLink(long activityId, long linkId) {
        return jdbc.sql("delete from activity_link where id = ? and activity_id = ?").params(linkId, activityId)
                .update() == 1;
    }

    /** The media file of the first photo (lowest slot) of each of these activities that has one. */
    Map<Long, Long> firstPhotoFiles(Collection<Long> activityIds) {
        Map<Long, Long> all = new HashMap<>();
        if (activityIds.isEmpty()) {
            return all;
        }
        jdbc.sql("""
                select p.activity_id, p.media_file_id from activity_photo p
                where p.activity_id in (:ids)
                  and p.slot = (select min(q.slot) from activity_photo q where q.activity_id = p.activity_id)""")
                .param("ids", activityIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    /** The facts of one activity, whatever its state. */
    Optional<CompletionFacts> facts(long activityId) {
        return jdbc.sql(FACTS + " where a.id = ?").param(activityId).query(this::mapFacts).optional();
    }

    /** The facts of the given activities (those that exist). */
    Map<Long, CompletionFacts> facts(Collection<Long> activityIds) {
        Map<Long, CompletionFacts> all = new HashMap<>();
        if (activityIds.isEmpty()) {
            return all;
        }
        jdbc.sql(FACTS + " where a.id in (:ids)").param("ids", activityIds).query(this::mapFacts).list()
                .forEach(f -> all.put(f.activityId(), f));
        return all;
    }

    /**
     * The facts of a campaign's published activities, of the given organizations (all when null), by name.
     */
    List<CompletionFacts> published(long campaignId, Collection<Long> organizationIds) {
        if (organizationIds != null && organizationIds.isEmpty()) {
            return new ArrayList<>();
        }
        String where = " where a.campaign_id = :campaign and a.status = 'PUBLISHED'"
                + (organizationIds == null ? "" : " and a.organization_id in (:orgs)");
        JdbcClient.StatementSpec spec = jdbc.sql(FACTS + where + " order by a.starts_at, a.id")
                .param("campaign", campaignId);
        if (organizationIds != null) {
            spec = spec.param("orgs", organizationIds);
        }
        return spec.query(this::mapFacts).list();
    }

    private CompletionFacts mapFacts(ResultSet rs, int i) throws SQLException {
        return new CompletionFacts(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("organization_id"),
                rs.getString("name"), ActivityFormat.valueOf(rs.getString("activity_format")),
                ActivityStatus.valueOf(rs.getString("status")), rs.getInt("photos"), rs.getInt("news"),
                rs.getInt("videos"), (Integer) rs.getObject("actual_participants", Integer.class),
                rs.getInt("has_url") == 1, rs.getInt("has_summary") == 1, instant(rs.getTimestamp("completed_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
