package cn.sciday.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores activities with their themes, audiences, transitions and post-publication changes (JdbcClient). */
@Repository
class ActivityRepository {

    /** A stored transition, for the history shown on the activity page. */
    record TransitionRow(long id, String action, ActivityStatus from, ActivityStatus to, long actorId,
            String actorName, String actorRole, Instant at, String remark) {
    }

    /** A stored change after publication. */
    record ChangeRow(long id, String field, String before, String after, long actorId, String actorName,
            Instant at) {
    }

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Activity> findById(long id) {
        Optional<Row> row = jdbc.sql("select * from activity where id = :id").param("id", id).query(this::row)
                .optional();
        return row.map(r -> withChildren(List.of(r)).get(0));
    }

    /** The activities with these ids, in the order of {@code ids} (unknown ids are left out). */
    List<Activity> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("select * from activity where id in (:ids)").param("ids", ids).query(this::row)
                .list();
        Map<Long, Activity> byId = new HashMap<>();
        withChildren(rows).forEach(a -> byId.put(a.id(), a));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    List<Activity> find(ActivityQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        String order = switch (q.queue()) {
            case NONE -> " order by a.starts_at, a.id";
            case COORDINATOR, CITY -> " order by a.submitted_at, a.id";
        };
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        List<Row> rows = jdbc.sql("select a.* from activity a" + where + order + " limit :limit offset :offset")
                .params(params).query(this::row).list();
        return withChildren(rows);
    }

    long count(ActivityQuery q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from activity a" + where(q, params)).params(params).query(Long.class)
                .single();
    }

    Map<ActivityStatus, Long> countByStatus(ActivityQuery q) {
        Map<String, Object> params = new HashMap<>();
        Map<ActivityStatus, Long> counts = new EnumMap<>(ActivityStatus.class);
        for (ActivityStatus s : ActivityStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select a.status, count(*) as n from activity a" + where(q, params) + " group by a.status")
                .params(params)
                .query((rs, i) -> counts.put(ActivityStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** The id of the first activity of this name (demo data looks for its own). */
    java.util.Optional<Long> idNamed(String name) {
        return jdbc.sql("select min(id) from activity where name = ?").param(name).query(Long.class).optional();
    }

    boolean existsNamed(String name) {
        return jdbc.sql("select count(*) from activity where name = ?").param(name).query(Long.class).single() > 0;
    }

    private static String where(ActivityQuery q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.campaignId() != null) {
            conditions.add("a.campaign_id = :campaign");
            params.put("campaign", q.campaignId());
        }
        if (q.organizationIds() != null) {
            if (q.organizationIds().isEmpty()) {
                conditions.add("1 = 0");
            } else {
                conditions.add("a.organization_id in (:orgs)");
                params.put("orgs", q.organizationIds());
            }
        }
        if (!q.statuses().isEmpty()) {
            conditions.add("a.status in (:statuses)");
            params.put("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        switch (q.queue()) {
            case COORDINATOR -> conditions.add("a.status = 'SUBMITTED' and a.review_level = 'COORDINATOR'");
            case CITY -> conditions.add("(a.status = 'ENDORSED' or (a.status = 'SUBMITTED' and a.review_level = 'CITY'))");
            case NONE -> {
            }
        }
        if (q.divisionId() != null) {
            conditions.add("a.division_id = :division");
            params.put("division", q.divisionId());
        }
        if (q.jointAction() != null) {
            if (q.jointAction() == 0) {
                conditions.add("a.joint_action is null");
            } else {
                conditions.add("a.joint_action = :jointAction");
                params.put("jointAction", q.jointAction());
            }
        }
        if (q.lateOnly()) {
            conditions.add("a.late = true");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Inserts a new activity with its children and pending transitions; returns its id. */
    long insert(Activity a) {
        ActivityDetails d = a.details();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into activity (campaign_id, organization_id, review_level, name, joint_action, co_organizers,
                    activity_format, starts_at, ends_at, division_id, venue, online_url, expected_participants,
                    signup_open, capacity, key_activity, summary, description, contact_name, contact_phone, status,
                    late, first_submitted_at, submitted_at, published_at, return_reason, cancel_reason,
                    epidemic_plan_file_id, intention_scan_file_id, created_by, created_at, updated_at, version)
                values (:campaign, :org, :level, :name, :jointAction, :coOrganizers, :format, :startsAt, :endsAt,
                    :division, :venue, :url, :expected, :signup, :capacity, :key, :summary, :description,
                    :contactName, :contactPhone, :status, :late, :firstSubmittedAt, :submittedAt, :publishedAt,
                    :returnReason, :cancelReason, :planFile, :scanFile, :createdBy, :createdAt, :updatedAt, 0)""")
                .params(values(a))
                .param("campaign", a.campaignId()).param("org", a.organizationId())
                .param("level", a.reviewLevel().name()).param("createdBy", a.createdBy())
                .param("createdAt", ts(a.createdAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeChildren(id, d);
        return id;
    }

    /** Updates with an optimistic version check; false when someone else changed the activity meanwhile. */
    boolean update(Activity a) {
        int n = jdbc.sql("""
                update activity set name = :name, joint_action = :jointAction, co_organizers = :coOrganizers,
                    activity_format = :format, starts_at = :startsAt, ends_at = :endsAt, division_id = :division,
                    venue = :venue, online_url = :url, expected_participants = :expected, signup_open = :signup,
                    capacity = :capacity, key_activity = :key, summary = :summary, description = :description,
                    contact_name = :contactName, contact_phone = :contactPhone, status = :status, late = :late,
                    first_submitted_at = :firstSubmittedAt, submitted_at = :submittedAt, published_at = :publishedAt,
                    return_reason = :returnReason, cancel_reason = :cancelReason, updated_at = :updatedAt,
                    epidemic_plan_file_id = :planFile, intention_scan_file_id = :scanFile, version = version + 1
                where id = :id and version = :version""")
                .params(values(a)).param("id", a.id()).param("version", a.version())
                .update();
        if (n != 1) {
            return false;
        }
        jdbc.sql("delete from activity_theme where activity_id = :id").param("id", a.id()).update();
        jdbc.sql("delete from activity_audience where activity_id = :id").param("id", a.id()).update();
        writeChildren(a.id(), a.details());
        return true;
    }

    void appendTransitions(long activityId, List<Activity.Transition> transitions) {
        for (Activity.Transition t : transitions) {
            jdbc.sql("""
                    insert into activity_transition (activity_id, action, from_status, to_status, actor_id,
                        actor_name, actor_role, happened_at, remark)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(activityId, t.action(), t.from() == null ? null : t.from().name(), t.to().name(),
                            t.actorId(), t.actorName(), t.actorRole(), ts(t.at()), t.remark())
                    .update();
        }
    }

    void appendChanges(long activityId, List<Activity.Change> changes) {
        for (Activity.Change c : changes) {
            jdbc.sql("""
                    insert into activity_change (activity_id, field_name, before_value, after_value, actor_id,
                        actor_name, changed_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(activityId, c.field(), c.before(), c.after(), c.actorId(), c.actorName(), ts(c.at()))
                    .update();
        }
    }

    List<TransitionRow> transitions(long activityId) {
        return jdbc.sql("select * from activity_transition where activity_id = ? order by id").param(activityId)
                .query((rs, i) -> new TransitionRow(rs.getLong("id"), rs.getString("action"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("actor_role"),
                        instant(rs.getTimestamp("happened_at")), rs.getString("remark")))
                .list();
    }

    List<ChangeRow> changes(long activityId) {
        return jdbc.sql("select * from activity_change where activity_id = ? order by id").param(activityId)
                .query((rs, i) -> new ChangeRow(rs.getLong("id"), rs.getString("field_name"),
                        rs.getString("before_value"), rs.getString("after_value"), rs.getLong("actor_id"),
                        rs.getString("actor_name"), instant(rs.getTimestamp("changed_at"))))
                .list();
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private Map<String, Object> values(Activity a) {
        ActivityDetails d = a.details();
        Map<String, Object> v = new HashMap<>();
        v.put("name", d.name());
        v.put("jointAction", d.jointAction());
        v.put("coOrganizers", d.coOrganizers());
        v.put("format", d.format().name());
        v.put("startsAt", ts(d.startsAt()));
        v.put("endsAt", ts(d.endsAt()));
        v.put("division", d.divisionId());
        v.put("venue", d.venue());
        v.put("url", d.onlineUrl());
        v.put("expected", d.expectedParticipants());
        v.put("signup", d.signupOpen());
        v.put("capacity", d.capacity());
        v.put("key", d.keyActivity());
        v.put("summary", d.summary());
        v.put("description", d.description());
        v.put("contactName", d.contactName());
        v.put("contactPhone", d.contactPhone());
        v.put("status", a.status().name());
        v.put("late", a.late());
        v.put("firstSubmittedAt", ts(a.firstSubmittedAt()));
        v.put("submittedAt", ts(a.submittedAt()));
        v.put("publishedAt", ts(a.publishedAt()));
        v.put("returnReason", a.returnReason());
        v.put("cancelReason", a.cancelReason());
        v.put("planFile", a.epidemicPlanFileId());
        v.put("scanFile", a.intentionScanFileId());
        v.put("updatedAt", ts(a.updatedAt()));
        return v;
    }

    private void writeChildren(long id, ActivityDetails d) {
        for (Integer theme : d.themes()) {
            jdbc.sql("insert into activity_theme (activity_id, theme_number) values (?, ?)").params(id, theme)
                    .update();
        }
        for (Audience audience : d.audiences()) {
            jdbc.sql("insert into activity_audience (activity_id, audience) values (?, ?)")
                    .params(id, audience.name()).update();
        }
    }

    /** A row before its themes and audiences are attached. */
    private record Row(long id, long campaignId, long organizationId, ReviewLevel level, String name,
            Integer jointAction, String coOrganizers, ActivityFormat format, Instant startsAt, Instant endsAt,
            Long divisionId, String venue, String onlineUrl, int expected, boolean signup, Integer capacity,
            boolean key, String summary, String description, String contactName, String contactPhone,
            ActivityStatus status, boolean late, Instant firstSubmittedAt, Instant submittedAt, Instant publishedAt,
            String returnReason, String cancelReason, Long planFile, Long scanFile, long createdBy,
            Instant createdAt, Instant updatedAt, int version) {
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("organization_id"),
                ReviewLevel.valueOf(rs.getString("review_level")), rs.getString("name"),
                (Integer) rs.getObject("joint_action", Integer.class), rs.getString("co_organizers"),
                ActivityFormat.valueOf(rs.getString("activity_format")), instant(rs.getTimestamp("starts_at")),
                instant(rs.getTimestamp("ends_at")), (Long) rs.getObject("division_id", Long.class),
                rs.getString("venue"), rs.getString("online_url"), rs.getInt("expected_participants"),
                rs.getBoolean("signup_open"), (Integer) rs.getObject("capacity", Integer.class),
                rs.getBoolean("key_activity"), rs.getString("summary"), rs.getString("description"),
                rs.getString("contact_name"), rs.getString("contact_phone"),
                ActivityStatus.valueOf(rs.getString("status")), rs.getBoolean("late"),
                instant(rs.getTimestamp("first_submitted_at")), instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("published_at")), rs.getString("return_reason"),
                rs.getString("cancel_reason"), (Long) rs.getObject("epidemic_plan_file_id", Long.class),
                (Long) rs.getObject("intention_scan_file_id", Long.class), rs.getLong("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
    }

    private List<Activity> withChildren(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Integer>> themes = new HashMap<>();
        jdbc.sql("select activity_id, theme_number from activity_theme where activity_id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(2)))
                .list();
        Map<Long, List<Audience>> audiences = new HashMap<>();
        jdbc.sql("select activity_id, audience from activity_audience where activity_id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> audiences.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(Audience.valueOf(rs.getString(2))))
                .list();
        Map<Long, Activity> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            ActivityDetails d = new ActivityDetails(r.name(), r.jointAction(), themes.getOrDefault(r.id(), List.of()),
                    r.coOrganizers(), r.format(), r.startsAt(), r.endsAt(), r.divisionId(), r.venue(), r.onlineUrl(),
                    audiences.getOrDefault(r.id(), List.of()), r.expected(), r.signup(), r.capacity(), r.key(),
                    r.summary(), r.description(), r.contactName(), r.contactPhone());
            byId.put(r.id(), new Activity(r.id(), r.campaignId(), r.organizationId(), r.level(), d, r.status(),
                    r.late(), r.firstSubmittedAt(), r.submittedAt(), r.publishedAt(), r.returnReason(),
                    r.cancelReason(), r.planFile(), r.scanFile(), r.createdBy(), r.createdAt(), r.updatedAt(),
                    r.version()));
        }
        return new ArrayList<>(byId.values());
    }

    private static ActivityStatus status(String s) {
        return s == null ? null : ActivityStatus.valueOf(s);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
