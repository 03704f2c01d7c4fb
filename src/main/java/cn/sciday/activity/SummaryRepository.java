package cn.sciday.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Summaries of organizations and their attachments. */
@Repository
class SummaryRepository {

    /** A stored summary. */
    record Row(long id, long campaignId, long organizationId, SummaryKind kind, String body, SummaryStatus status,
            boolean late, Instant firstSubmittedAt, Instant submittedAt, long submittedBy, String submittedByName,
            Instant acceptedAt, Long acceptedBy, String acceptedByName, int version) {
    }

    private final JdbcClient jdbc;

    SummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from org_summary where id = ?").param(id).query(this::row).optional();
    }

    Optional<Row> find(long campaignId, long organizationId, SummaryKind kind) {
        return jdbc.sql("select * from org_summary where campaign_id = ? and organization_id = ? and summary_kind = ?")
                .params(campaignId, organizationId, kind.name()).query(this::row).optional();
    }

    /** The campaign's summaries of the given organizations (all when null). */
    List<Row> all(long campaignId, Collection<Long> organizationIds) {
        if (organizationIds != null && organizationIds.isEmpty()) {
            return new ArrayList<>();
        }
        JdbcClient.StatementSpec spec = jdbc.sql("select * from org_summary where campaign_id = :campaign"
                + (organizationIds == null ? "" : " and organization_id in (:orgs)")).param("campaign", campaignId);
        if (organizationIds != null) {
            spec = spec.param("orgs", organizationIds);
        }
        return spec.query(this::row).list();
    }

    long insert(long campaignId, long organizationId, SummaryKind kind, String body, boolean late, Instant at,
            long by, String byName) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_summary (campaign_id, organization_id, summary_kind, body, status, late,
                    first_submitted_at, submitted_at, submitted_by, submitted_by_name, version)
                values (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, 0)""")
                .params(campaignId, organizationId, kind.name(), body, late, ts(at), ts(at), by, byName)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Resubmits a summary not yet accepted; false when it was accepted or changed meanwhile. */
    boolean resubmit(long id, int version, String body, Instant at, long by, String byName) {
        return jdbc.sql("""
                update org_summary set body = ?, submitted_at = ?, submitted_by = ?, submitted_by_name = ?,
                    version = version + 1
                where id = ? and version = ? and status = 'SUBMITTED'""")
                .params(body, ts(at), by, byName, id, version).update() == 1;
    }

    boolean accept(long id, int version, Instant at, long by, String byName) {
        return jdbc.sql("""
                update org_summary set status = 'ACCEPTED', accepted_at = ?, accepted_by = ?, accepted_by_name = ?,
                    version = version + 1
                where id = ? and version = ? and status = 'SUBMITTED'""")
                .params(ts(at), by, byName, id, version).update() == 1;
    }

    List<Long> files(long summaryId) {
        return jdbc.sql("select media_file_id from org_summary_file where summary_id = ? order by sort_no, media_file_id")
                .param(summaryId).query(Long.class).list();
    }

    void addFile(long summaryId, long fileId) {
        jdbc.sql("""
                insert into org_summary_file (summary_id, media_file_id, sort_no)
                values (?, ?, (select coalesce(max(sort_no), 0) + 1 from org_summary_file where summary_id = ?))""")
                .params(summaryId, fileId, summaryId).update();
    }

    boolean removeFile(long summaryId, long fileId) {
        return jdbc.sql("delete from org_summary_file where summary_id = ? and media_file_id = ?")
                .params(summaryId, fileId).update() == 1;
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("organization_id"),
                SummaryKind.valueOf(rs.getString("summary_kind")), rs.getString("body"),
                SummaryStatus.valueOf(rs.getString("status")), rs.getBoolean("late"),
                instant(rs.getTimestamp("first_submitted_at")), instant(rs.getTimestamp("submitted_at")),
                rs.getLong("submitted_by"), rs.getString("submitted_by_name"), instant(rs.getTimestamp("accepted_at")),
                (Long) rs.getObject("accepted_by", Long.class), rs.getString("accepted_by_name"), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
