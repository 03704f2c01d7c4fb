package cn.sciday.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.ActivityView;
import cn.sciday.campaign.Campaign;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.SpreadsheetText;
import cn.sciday.web.UserMessage;

/**
 * 择优推荐: city admins mark published activities as city key activities, or recommend them to the province or the
 * nation, each with a reason; lists and an xlsx per level. An activity may hold several levels, each once.
 */
@Service
public class Recommendations {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Campaign.ZONE);

    /** A recommendation with the activity it concerns. */
    public record Recommended(long id, RecommendationLevel level, String reason, String byName,
            java.time.Instant at, ActivityRow activity) {
    }

    private final ReportQueries queries;
    private final ReportContext context;
    private final Activities activities;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Recommendations(ReportQueries queries, ReportContext context, Activities activities, DataSource dataSource,
            ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.context = context;
        this.activities = activities;
        this.jdbc = new JdbcTemplate(dataSource);
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long recommend(Actor actor, long activityId, RecommendationLevel level, String reason) {
        requireCity(actor);
        ActivityView a = activities.get(actor, activityId);
        if (level == null) {
            throw new InvalidInputException("level", "reporting.error.levelRequired");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "reporting.error.reasonRequired");
        }
        if (why.length() > 500) {
            throw new InvalidInputException("reason", "reporting.error.reasonTooLong");
        }
        if (a.status() != ActivityStatus.PUBLISHED) {
            throw new ConflictException("reporting.error.recommendPublishedOnly");
        }
        try {
            jdbc.update("insert into recommendation (activity_id, rec_level, reason, recommended_by,"
                    + " recommended_by_name, recommended_at) values (?, ?, ?, ?, ?, ?)", activityId, level.name(), why,
                    actor.accountId(), actor.displayName(), ReportQueries.at(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("reporting.error.alreadyRecommended", a.name(),
                    UserMessage.of("reporting.level." + level.name()));
        }
        Long id = jdbc.queryForObject("select id from recommendation where activity_id = ? and rec_level = ?",
                Long.class, activityId, level.name());
        events.publishEvent(new AuditEvent("ACTIVITY_RECOMMENDED", "ACTIVITY", String.valueOf(activityId),
                level.name() + ": " + why));
        return id;
    }

    @Transactional
    public void withdraw(Actor actor, long recommendationId) {
        requireCity(actor);
        List<Map<String, Object>> found = jdbc.queryForList(
                "select activity_id, rec_level from recommendation where id = ?", recommendationId);
        if (found.isEmpty()) {
            throw new NotFoundException("recommendation " + recommendationId);
        }
        jdbc.update("delete from recommendation where id = ?", recommendationId);
        events.publishEvent(new AuditEvent("ACTIVITY_RECOMMENDATION_WITHDRAWN", "ACTIVITY",
                String.valueOf(found.get(0).get("activity_id")), String.valueOf(found.get(0).get("rec_level"))));
    }

    /** The recommendations of a level (all levels when null) in the current campaign, newest first. */
    @Transactional(readOnly = true)
    public List<Recommended> list(Actor actor, RecommendationLevel level) {
        requireCity(actor);
        return list(level);
    }

    List<Recommended> list(RecommendationLevel level) {
        long campaign = context.campaign().id();
        List<Object> args = new ArrayList<>();
        args.add(campaign);
        String sql = "select r.id, r.activity_id, r.rec_level, r.reason, r.recommended_by_name, r.recommended_at"
                + " from recommendation r join activity a on a.id = r.activity_id where a.campaign_id = ?";
        if (level != null) {
            sql += " and r.rec_level = ?";
            args.add(level.name());
        }
        sql += " order by r.recommended_at desc, r.id desc";
        List<Object[]> raw = jdbc.query(sql, (rs, i) -> new Object[] {rs.getLong("id"), rs.getLong("activity_id"),
                RecommendationLevel.valueOf(rs.getString("rec_level")), rs.getString("reason"),
                rs.getString("recommended_by_name"), ReportQueries.instant(rs, "recommended_at")}, args.toArray());
        Map<Long, ActivityRow> rows = new LinkedHashMap<>();
        queries.byIds(raw.stream().map(r -> (Long) r[1]).distinct().toList()).forEach(r -> rows.put(r.id(), r));
        return raw.stream().map(r -> new Recommended((Long) r[0], (RecommendationLevel) r[2], (String) r[3],
                (String) r[4], (java.time.Instant) r[5], rows.get((Long) r[1]))).toList();
    }

    /** Published activities whose name contains {@code text}, to pick one to recommend. */
    @Transactional(readOnly = true)
    public List<ActivityRow> search(Actor actor, String text) {
        requireCity(actor);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return queries.searchPublished(context.campaign().id(), text.strip(), 20);
    }

    public void writeXlsx(Actor actor, RecommendationLevel level, OutputStream out) throws IOException {
        List<Recommended> list = list(actor, level);
        Campaign campaign = context.campaign();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(level == null ? "全部推荐" : level.label());
            sheet.createRow(0).createCell(0).setCellValue(campaign.year() + "年" + campaign.city() + "全国科普日活动"
                    + (level == null ? "择优推荐" : level.label()) + "名单");
            String[] header = {"序号", "推荐级别", "活动名称", "举办单位", "归口单位", "所属联合行动", "活动形式", "开始时间", "活动地点",
                    "预计参与人数", "报名人数", "签到人数", "推荐理由", "推荐人", "推荐时间"};
            Row h = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int n = 2;
            for (Recommended r : list) {
                ActivityRow a = r.activity();
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n - 1);
                row.createCell(1).setCellValue(r.level().label());
                row.createCell(2).setCellValue(safe(a.name()));
                row.createCell(3).setCellValue(safe(a.organizationName()));
                row.createCell(4).setCellValue(safe(a.bodyName()));
                row.createCell(5).setCellValue(safe(SummaryTable.jointActionName(campaign, a.jointAction())));
                row.createCell(6).setCellValue(Labels.format(a.format()));
                row.createCell(7).setCellValue(a.startsAt() == null ? "" : TIME.format(a.startsAt()));
                row.createCell(8).setCellValue(safe(join(a.divisionName(), a.venue())));
                row.createCell(9).setCellValue(a.expected());
                row.createCell(10).setCellValue(a.signups());
                row.createCell(11).setCellValue(a.checkins());
                row.createCell(12).setCellValue(safe(r.reason()));
                row.createCell(13).setCellValue(safe(r.byName()));
                row.createCell(14).setCellValue(r.at() == null ? "" : TIME.format(r.at()));
                n++;
            }
            sheet.setColumnWidth(2, 30 * 256);
            sheet.setColumnWidth(12, 40 * 256);
            book.write(out);
            book.dispose();
        }
    }

    static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static String safe(String s) {
        return SpreadsheetText.safe(s);
    }

    private static void requireCity(Actor actor) {
        if (!actor.isCityAdmin()) {
            throw new ForbiddenException("reporting.error.recommendForbidden");
        }
    }
}
