package cn.sciday.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityStatus;

/**
 * The read model of the reports: aggregate SQL over the activity, organization, registration and feedback tables
 * (read only). Activity rows are streamed with a fetch size, so that a city-wide export never holds all rows, and
 * sign-ups and check-ins are counted by the database, never loaded.
 */
@Repository
class ReportQueries {

    static final int FETCH = 500;

    private final JdbcTemplate jdbc;

    ReportQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
    }

    private static final String ROWS = """
            select a.id, a.name, a.organization_id, o.name as org_name, o.kind as org_kind, o.parent_id,
                   p.name as parent_name, p.kind as parent_kind, a.joint_action, a.activity_format, a.starts_at,
                   a.ends_at, d.name as division_name, a.venue, a.online_url, a.expected_participants, a.summary,
                   a.contact_name, a.contact_phone, a.status, a.late, a.key_activity, a.published_at,
                   a.first_submitted_at, coalesce(r.signups, 0) as signups, coalesce(r.checkins, 0) as checkins,
                   n.reference as national_ref,
                   case when o.kind = 'UNIT' then o.parent_id else o.id end as body_id
            from activity a
            join organization o on o.id = a.organization_id
            left join organization p on p.id = o.parent_id
            left join organization d on d.id = a.division_id
            left join (select activity_id,
                              sum(case when status = 'CONFIRMED' then 1 else 0 end) as signups,
                              sum(case when checked_in_at is not null then 1 else 0 end) as checkins
                       from registration group by activity_id) r on r.activity_id = a.id
            left join activity_national_ref n on n.activity_id = a.id
            """;

    /**
     * Streams the campaign's activities in scope with the given states (all when empty), ordered by 归口, unit and
     * start, to {@code sink}.
     */
    @Transactional(readOnly = true)
    public void stream(long campaignId, ReportScope scope, Collection<ActivityStatus> statuses,
            Consumer<ActivityRow> sink) {
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        String sql = ROWS + " where a.campaign_id = ? and " + scope.where(args) + statusIn(statuses, args)
                + " order by body_id, a.organization_id, a.starts_at, a.id";
        jdbc.query(sql, rs -> {
            sink.accept(row(rs));
        }, args.toArray());
    }

    /** The activities with these ids (any campaign), in the order given. */
    @Transactional(readOnly = true)
    public List<ActivityRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(ids);
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(", "));
        Map<Long, ActivityRow> found = new HashMap<>();
        jdbc.query(ROWS + " where a.id in (" + marks + ")", rs -> {
            ActivityRow r = row(rs);
            found.put(r.id(), r);
        }, args.toArray());
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /** Published activities of the campaign whose name contains {@code text}, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ActivityRow> searchPublished(long campaignId, String text, int limit) {
        List<ActivityRow> rows = new ArrayList<>();
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        jdbc.query(ROWS + " where a.campaign_id = ? and a.status = 'PUBLISHED' and a.name like ? escape '\\'"
                + " order by a.starts_at, a.id", rs -> {
                    if (rows.size() < limit) {
                        rows.add(row(rs));
                    }
                }, campaignId, like);
        return rows;
    }

    /** How many activities in scope (with these states) name each content theme. */
    @Transactional(readOnly = true)
    public Map<Integer, Long> themeCounts(long campaignId, ReportScope scope, Collection<ActivityStatus> statuses) {
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        String sql = "select t.theme_number, count(*) as n from activity_theme t join activity a on a.id = t.activity_id"
                + " join organization o on o.id = a.organization_id where a.campaign_id = ? and " + scope.where(args)
                + statusIn(statuses, args) + " group by t.theme_number order by t.theme_number";
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getInt("theme_number"), rs.getLong("n"));
        }, args.toArray());
        return counts;
    }

    /** Ratings per 归口 body in scope: how many and their sum, and how many of each rating 1–5 overall. */
    @Transactional(readOnly = true)
    public FeedbackFigures feedback(long campaignId, ReportScope scope) {
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        String sql = "select case when o.kind = 'UNIT' then o.parent_id else o.id end as body_id, f.rating,"
                + " count(*) as n from feedback f join activity a on a.id = f.activity_id"
                + " join organization o on o.id = a.organization_id where a.campaign_id = ? and " + scope.where(args)
                + " group by case when o.kind = 'UNIT' then o.parent_id else o.id end, f.rating";
        Map<Long, long[]> perBody = new LinkedHashMap<>();
        long[] byRating = new long[6];
        jdbc.query(sql, rs -> {
            long body = rs.getLong("body_id");
            int rating = rs.getInt("rating");
            long n = rs.getLong("n");
            long[] sums = perBody.computeIfAbsent(body, b -> new long[2]);
            sums[0] += n;
            sums[1] += n * rating;
            if (rating >= 1 && rating <= 5) {
                byRating[rating] += n;
            }
        }, args.toArray());
        return new FeedbackFigures(perBody, byRating);
    }

    /** Ratings: per body {count, sum}; and the count of each rating (index 1–5). */
    record FeedbackFigures(Map<Long, long[]> perBody, long[] byRating) {

        long count() {
            return perBody.values().stream().mapToLong(v -> v[0]).sum();
        }

        double average() {
            long n = count();
            return n == 0 ? 0 : perBody.values().stream().mapToLong(v -> v[1]).sum() / (double) n;
        }
    }

    /** An approved unit (or a division/department) that is expected to take part. */
    record UnitRow(long id, String name, String kind, Long parentId, String parentName) {
    }

    /** The approved units in scope, by 归口 and name. */
    @Transactional(readOnly = true)
    public List<UnitRow> units(ReportScope scope) {
        List<Object> args = new ArrayList<>();
        String sql = "select o.id, o.name, o.kind, o.parent_id, p.name as parent_name from organization o"
                + " left join organization p on p.id = o.parent_id where o.kind = 'UNIT' and o.status = 'APPROVED'"
                + " and " + scope.whereOrganization(args) + " order by o.parent_id, o.name, o.id";
        return jdbc.query(sql, (rs, i) -> new UnitRow(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                (Long) rs.getObject("parent_id", Long.class), rs.getString("parent_name")), args.toArray());
    }

    /** Per organization: the earliest first submission of an activity of the campaign (units that submitted). */
    @Transactional(readOnly = true)
    public Map<Long, Instant> firstSubmissions(long campaignId) {
        Map<Long, Instant> first = new HashMap<>();
        jdbc.query("select organization_id, min(first_submitted_at) as first_at from activity"
                + " where campaign_id = ? and first_submitted_at is not null group by organization_id", rs -> {
                    first.put(rs.getLong("organization_id"), instant(rs, "first_at"));
                }, campaignId);
        return first;
    }

    /** Published activities of the campaign per organization: {@code [id, ...]}. */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> publishedByOrganization(long campaignId) {
        Map<Long, List<Long>> map = new HashMap<>();
        jdbc.query("select organization_id, id from activity where campaign_id = ? and status = 'PUBLISHED'"
                + " order by organization_id, id", rs -> {
                    map.computeIfAbsent(rs.getLong("organization_id"), k -> new ArrayList<>()).add(rs.getLong("id"));
                }, campaignId);
        return map;
    }

    /** When each filed activity's national reference was recorded. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> nationalRefsRecorded(long campaignId) {
        Map<Long, Instant> map = new HashMap<>();
        jdbc.query("select n.activity_id, n.recorded_at from activity_national_ref n join activity a"
                + " on a.id = n.activity_id where a.campaign_id = ?", rs -> {
                    map.put(rs.getLong("activity_id"), instant(rs, "recorded_at"));
                }, campaignId);
        return map;
    }

    private static String statusIn(Collection<ActivityStatus> statuses, List<Object> args) {
        if (statuses == null || statuses.isEmpty()) {
            return "";
        }
        statuses.forEach(s -> args.add(s.name()));
        return " and a.status in (" + statuses.stream().map(s -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static ActivityRow row(ResultSet rs) throws SQLException {
        boolean unit = "UNIT".equals(rs.getString("org_kind"));
        return new ActivityRow(rs.getLong("id"), rs.getString("name"), rs.getLong("organization_id"),
                rs.getString("org_name"), rs.getLong("body_id"),
                unit ? rs.getString("parent_name") : rs.getString("org_name"),
                unit ? rs.getString("parent_kind") : rs.getString("org_kind"),
                (Integer) rs.getObject("joint_action", Integer.class),
                ActivityFormat.valueOf(rs.getString("activity_format")), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("division_name"), rs.getString("venue"),
                rs.getString("online_url"), rs.getInt("expected_participants"), rs.getString("summary"),
                rs.getString("contact_name"), rs.getString("contact_phone"),
                ActivityStatus.valueOf(rs.getString("status")), rs.getBoolean("late"), rs.getBoolean("key_activity"),
                rs.getLong("signups"), rs.getLong("checkins"), rs.getString("national_ref"),
                instant(rs, "published_at"), instant(rs, "first_submitted_at"));
    }

    static java.time.OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(java.time.ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
