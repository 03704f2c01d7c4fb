package cn.sciday.campaign;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.sciday.web.ConflictException;

/** Stores campaigns; the children (themes, joint actions, milestones…) are replaced as a whole on update. */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Campaign> findById(long id) {
        return jdbc.sql("select * from campaign where id = ?").param(id).query(this::header).optional()
                .map(this::withChildren);
    }

    Optional<Campaign> findByPlanKey(String key) {
        return jdbc.sql("select * from campaign where plan_key = ?").param(key).query(this::header).optional()
                .map(this::withChildren);
    }

    /** The active campaign of the latest year; failing that, the latest campaign. */
    Optional<Campaign> findCurrent() {
        return jdbc.sql("""
                select * from campaign
                order by case when status = 'ACTIVE' then 0 else 1 end, campaign_year desc, id desc
                fetch first 1 rows only""").query(this::header).optional().map(this::withChildren);
    }

    List<Campaign> findAll() {
        return jdbc.sql("select * from campaign order by campaign_year desc, id desc").query(this::header).list().stream()
                .map(this::withChildren).toList();
    }

    boolean existsForYear(String city, int year) {
        return jdbc.sql("select count(*) from campaign where city = ? and campaign_year = ?").params(city, year)
                .query(Integer.class).single() > 0;
    }

    Campaign insert(Campaign c) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into campaign (plan_key, campaign_year, city, title, theme, starts_on, ends_on, brand_label, affiliation,
                    document_number, issuing_body, issued_on, guiding_ideology, main_event_name, main_event_date,
                    main_event_venue, main_event_description, status, late_submission_allowed, version,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(c.planKey(), c.year(), c.city(), c.title(), c.theme(), c.startsOn(), c.endsOn(),
                        c.brandLabel(), c.affiliation(),
                        c.document() == null ? null : c.document().number(),
                        c.document() == null ? null : c.document().issuingBody(),
                        c.document() == null ? null : c.document().issuedOn(),
                        c.guidingIdeology(), c.mainEvent().name(), c.mainEvent().date(), c.mainEvent().venue(),
                        c.mainEvent().description(), c.status().name(), c.lateSubmissionAllowed(), now, now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertChildren(id, c);
        return findById(id).orElseThrow();
    }

    Campaign update(Campaign c) {
        int changed = jdbc.sql("""
                update campaign set title = ?, theme = ?, starts_on = ?, ends_on = ?, brand_label = ?,
                    affiliation = ?, status = ?, late_submission_allowed = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""")
                .params(c.title(), c.theme(), c.startsOn(), c.endsOn(), c.brandLabel(), c.affiliation(),
                        c.status().name(), c.lateSubmissionAllowed(), OffsetDateTime.now(clock), c.id(), c.version())
                .update();
        if (changed != 1) {
            throw new ConflictException("campaign.error.changedMeanwhile");
        }
        for (String table : List.of("campaign_joint_action_lead_unit", "campaign_joint_action",
                "campaign_main_event_lead_unit", "campaign_theme", "campaign_cloud_activity",
                "campaign_work_requirement", "campaign_milestone")) {
            jdbc.sql("delete from " + table + " where campaign_id = ?").param(c.id()).update();
        }
        insertChildren(c.id(), c);
        return findById(c.id()).orElseThrow();
    }

    private void insertChildren(long id, Campaign c) {
        List<String> leads = c.mainEvent().leadUnits();
        for (int i = 0; i < leads.size(); i++) {
            jdbc.sql("insert into campaign_main_event_lead_unit (campaign_id, position, name) values (?, ?, ?)")
                    .params(id, i + 1, leads.get(i)).update();
        }
        for (ContentTheme t : c.themes()) {
            jdbc.sql("insert into campaign_theme (campaign_id, number, title, description) values (?, ?, ?, ?)")
                    .params(id, t.number(), t.title(), t.description()).update();
        }
        for (JointAction j : c.jointActions()) {
            jdbc.sql("insert into campaign_joint_action (campaign_id, number, name, description) values (?, ?, ?, ?)")
                    .params(id, j.number(), j.name(), j.description()).update();
            for (int i = 0; i < j.leadUnits().size(); i++) {
                jdbc.sql("""
                        insert into campaign_joint_action_lead_unit (campaign_id, number, position, name)
                        values (?, ?, ?, ?)""").params(id, j.number(), i + 1, j.leadUnits().get(i)).update();
            }
        }
        List<CloudActivity> cloud = c.cloudActivities();
        for (int i = 0; i < cloud.size(); i++) {
            jdbc.sql("""
                    insert into campaign_cloud_activity (campaign_id, position, code, name, description)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, i + 1, cloud.get(i).code(), cloud.get(i).name(), cloud.get(i).description()).update();
        }
        for (WorkRequirement w : c.workRequirements()) {
            jdbc.sql("insert into campaign_work_requirement (campaign_id, number, title, body) values (?, ?, ?, ?)")
                    .params(id, w.number(), w.title(), w.body()).update();
        }
        for (Milestone m : c.milestones()) {
            jdbc.sql("""
                    insert into campaign_milestone (campaign_id, kind, title, due_on, description)
                    values (?, ?, ?, ?, ?)""").params(id, m.kind().name(), m.title(), m.dueOn(), m.description())
                    .update();
        }
    }

    private Campaign withChildren(Campaign header) {
        long id = header.id();
        List<String> mainLeads = jdbc.sql(
                "select name from campaign_main_event_lead_unit where campaign_id = ? order by position")
                .param(id).query(String.class).list();
        List<ContentTheme> themes = jdbc.sql(
                "select number, title, description from campaign_theme where campaign_id = ? order by number")
                .param(id).query((rs, n) -> new ContentTheme(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        Map<Integer, List<String>> leadsByAction = new LinkedHashMap<>();
        jdbc.sql("""
                select number, name from campaign_joint_action_lead_unit where campaign_id = ?
                order by number, position""").param(id).query((rs, n) -> {
                    leadsByAction.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                    return null;
                }).list();
        List<JointAction> actions = jdbc.sql(
                "select number, name, description from campaign_joint_action where campaign_id = ? order by number")
                .param(id).query((rs, n) -> new JointAction(rs.getInt(1), rs.getString(2), rs.getString(3),
                        leadsByAction.getOrDefault(rs.getInt(1), List.of()))).list();
        List<CloudActivity> cloud = jdbc.sql(
                "select code, name, description from campaign_cloud_activity where campaign_id = ? order by position")
                .param(id).query((rs, n) -> new CloudActivity(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        List<WorkRequirement> work = jdbc.sql(
                "select number, title, body from campaign_work_requirement where campaign_id = ? order by number")
                .param(id).query((rs, n) -> new WorkRequirement(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
        List<Milestone> milestones = jdbc.sql(
                "select kind, title, due_on, description from campaign_milestone where campaign_id = ? order by due_on, kind")
                .param(id).query((rs, n) -> new Milestone(MilestoneKind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).list();
        MainEvent event = header.mainEvent();
        return new Campaign(header.id(), header.planKey(), header.year(), header.city(), header.title(),
                header.theme(), header.startsOn(), header.endsOn(), header.brandLabel(), header.affiliation(),
                header.document(), header.guidingIdeology(),
                new MainEvent(event.name(), event.date(), event.venue(), event.description(), mainLeads),
                header.status(), header.lateSubmissionAllowed(), themes, actions, cloud, work, milestones,
                header.version());
    }

    private Campaign header(ResultSet rs, int row) throws SQLException {
        String docNumber = rs.getString("document_number");
        Date issued = rs.getDate("issued_on");
        PlanDocument doc = docNumber == null ? null
                : new PlanDocument(docNumber, rs.getString("issuing_body"), issued == null ? null : issued.toLocalDate());
        return new Campaign(rs.getLong("id"), rs.getString("plan_key"), rs.getInt("campaign_year"), rs.getString("city"),
                rs.getString("title"), rs.getString("theme"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("brand_label"), rs.getString("affiliation"),
                doc, rs.getString("guiding_ideology"),
                new MainEvent(rs.getString("main_event_name"), rs.getObject("main_event_date", LocalDate.class),
                        rs.getString("main_event_venue"), rs.getString("main_event_description"), List.of()),
                CampaignStatus.valueOf(rs.getString("status")), rs.getBoolean("late_submission_allowed"),
                List.of(), List.of(), List.of(), List.of(), List.of(), rs.getInt("version"));
    }
}
