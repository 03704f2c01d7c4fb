package cn.sciday.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
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
import cn.sciday.web.SpreadsheetText;

/**
 * Filing with the national science-day platform (六(二)): the published activities of a unit, a division or
 * department, or the city, with the fields that platform asks for, as xlsx or CSV (UTF-8 with BOM, formula-escaped),
 * and each activity's national-platform reference, recorded by its own unit once filed.
 */
@Service
public class NationalFiling {

    static final String[] HEADER = {"序号", "活动名称", "开始时间", "结束时间", "活动形式", "所在市（区）", "活动地点", "举办单位",
            "归口单位", "本市归口", "线上活动网址", "活动简介", "联系人", "联系电话", "品牌标识", "全国平台登记编号"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Campaign.ZONE);
    static final int MAX_REFERENCE = 100;

    private final ReportQueries queries;
    private final ReportContext context;
    private final Activities activities;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NationalFiling(ReportQueries queries, ReportContext context, Activities activities, DataSource dataSource,
            ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.context = context;
        this.activities = activities;
        this.jdbc = new JdbcTemplate(dataSource);
        this.events = events;
        this.clock = clock;
    }

    /** The published activities in the scope asked for (see {@link ReportContext#scope}). */
    public List<ActivityRow> published(Actor actor, Long organizationId) {
        ReportScope scope = context.scope(actor, organizationId);
        List<ActivityRow> rows = new ArrayList<>();
        queries.stream(context.campaign().id(), scope, Set.of(ActivityStatus.PUBLISHED), rows::add);
        return rows;
    }

    /** The name of the export for the scope, e.g. 全国科普日平台登记信息（江海区）. */
    public String fileName(Actor actor, Long organizationId, String extension) {
        ReportScope scope = context.scope(actor, organizationId);
        return "全国科普日平台登记信息（" + (scope.kind() == ReportScope.Kind.CITY ? "全市" : scope.name()) + "）." + extension;
    }

    public void writeXlsx(Actor actor, Long organizationId, OutputStream out) throws IOException {
        ReportScope scope = context.scope(actor, organizationId);
        Campaign campaign = context.campaign();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            book.setCompressTempFiles(true);
            Sheet sheet = book.createSheet("登记信息");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                h.createCell(i).setCellValue(HEADER[i]);
            }
            int[] next = {1};
            queries.stream(campaign.id(), scope, Set.of(ActivityStatus.PUBLISHED), a -> {
                Row r = sheet.createRow(next[0]);
                List<String> values = values(next[0], a, campaign);
                r.createCell(0).setCellValue(next[0]);
                for (int i = 1; i < values.size(); i++) {
                    r.createCell(i).setCellValue(values.get(i));
                }
                next[0]++;
            });
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(11, 40 * 256);
            book.write(out);
            book.dispose();
        }
    }

    /** CSV for the national platform's batch import: UTF-8 with a byte-order mark (Excel opens it right), CRLF. */
    public void writeCsv(Actor actor, Long organizationId, OutputStream out) throws IOException {
        ReportScope scope = context.scope(actor, organizationId);
        Campaign campaign = context.campaign();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\ufeff');
        w.write(csvLine(List.of(HEADER)));
        int[] n = {1};
        IOException[] failed = {null};
        queries.stream(campaign.id(), scope, Set.of(ActivityStatus.PUBLISHED), a -> {
            if (failed[0] != null) {
                return;
            }
            try {
                w.write(csvLine(values(n[0]++, a, campaign)));
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        w.flush();
    }

    static List<String> values(int seq, ActivityRow a, Campaign campaign) {
        List<String> v = new ArrayList<>();
        v.add(String.valueOf(seq));
        v.add(safe(a.name()));
        v.add(a.startsAt() == null ? "" : TIME.format(a.startsAt()));
        v.add(a.endsAt() == null ? "" : TIME.format(a.endsAt()));
        v.add(Labels.format(a.format()));
        v.add(safe(a.divisionName()));
        v.add(safe(a.venue()));
        v.add(safe(a.organizationName()));
        v.add(safe(campaign.affiliation()));
        v.add(safe(a.bodyName()));
        v.add(safe(a.onlineUrl()));
        v.add(safe(a.summary()));
        v.add(safe(a.contactName()));
        v.add(safe(a.contactPhone()));
        v.add(safe(campaign.brandLabel()));
        v.add(safe(a.nationalRef()));
        return v;
    }

    static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String s = values.get(i) == null ? "" : values.get(i);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                line.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                line.append(s);
            }
        }
        return line.append("\r\n").toString();
    }

    private static String safe(String s) {
        return SpreadsheetText.safe(s);
    }

    /**
     * Records (or with a blank reference, removes) an activity's national-platform reference. Only the activity's
     * own organization may: another organization that can see it gets 403, one that cannot 404; it must be
     * published (409).
     */
    @Transactional
    public Optional<String> record(Actor actor, long activityId, String reference) {
        ActivityView a = activities.get(actor, activityId);
        if (actor.organizationId() == null || a.organizationId() != actor.organizationId()) {
            throw new ForbiddenException("reporting.error.filingForbidden");
        }
        if (a.status() != ActivityStatus.PUBLISHED) {
            throw new ConflictException("reporting.error.filingNotPublished");
        }
        String ref = reference == null ? "" : Text.norm(reference);
        if (ref.length() > MAX_REFERENCE) {
            throw new InvalidInputException("reference", "reporting.error.referenceTooLong", MAX_REFERENCE);
        }
        List<String> existing = jdbc.queryForList("select reference from activity_national_ref where activity_id = ?",
                String.class, activityId);
        if (existing.size() == 1 && existing.get(0).equals(ref)) {
            return Optional.of(ref);
        }
        jdbc.update("delete from activity_national_ref where activity_id = ?", activityId);
        if (!ref.isEmpty()) {
            jdbc.update("insert into activity_national_ref (activity_id, reference, recorded_by, recorded_at)"
                    + " values (?, ?, ?, ?)", activityId, ref, actor.accountId(),
                    ReportQueries.at(clock.instant()));
        }
        events.publishEvent(new AuditEvent(ref.isEmpty() ? "NATIONAL_REF_REMOVED" : "NATIONAL_REF_RECORDED",
                "ACTIVITY", String.valueOf(activityId), ref));
        return ref.isEmpty() ? Optional.empty() : Optional.of(ref);
    }
}
