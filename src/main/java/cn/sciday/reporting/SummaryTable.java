package cn.sciday.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.JointAction;
import cn.sciday.organization.OrganizationView;
import cn.sciday.web.Actor;
import cn.sciday.web.SpreadsheetText;

/**
 * The summary table (附件2 汇总表) as xlsx, written with SXSSF (a window of rows in memory, the rest on disk): per
 * division or department, or city-wide with a city sheet and a sheet per division and department. Activity rows come
 * streamed from the database with their sign-ups and check-ins counted there; totals are kept while writing. Every
 * text cell is escaped against formulas.
 */
@Service
public class SummaryTable {

    /** The states an activity counts in: proposed and not withdrawn, cancelled or still a draft. */
    static final Set<ActivityStatus> COUNTED = Set.of(ActivityStatus.SUBMITTED, ActivityStatus.ENDORSED,
            ActivityStatus.PUBLISHED, ActivityStatus.RETURNED);
    static final String[] HEADER = {"序号", "活动名称", "举办单位", "归口单位", "所属联合行动", "活动形式", "开始时间", "结束时间",
            "所在市（区）", "活动地点", "状态", "预计参与人数", "实际参与人数", "报名人数", "签到人数", "照片数", "新闻报道链接数"};
    static final int FIRST_NUMBER_COLUMN = 11;
    static final String CITY_SHEET = "全市";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Campaign.ZONE);
    private static final int CHUNK = 500;

    private final ReportQueries queries;
    private final ReportContext context;

    SummaryTable(ReportQueries queries, ReportContext context) {
        this.queries = queries;
        this.context = context;
    }

    /** The file name for the scope, e.g. 2021年江门市全国科普日活动汇总表（江海区）.xlsx. */
    public String fileName(Actor actor, Long organizationId) {
        ReportScope scope = context.scope(actor, organizationId);
        if (scope.kind() == ReportScope.Kind.ORGANIZATION) {
            throw new cn.sciday.web.NotFoundException("summary table of a unit");
        }
        return title(context.campaign()) + "（" + (scope.kind() == ReportScope.Kind.CITY ? "全市" : scope.name())
                + "）.xlsx";
    }

    static String title(Campaign c) {
        return c.year() + "年" + c.city() + "全国科普日活动汇总表";
    }

    /**
     * Writes the table for a division or department the actor may see ({@code organizationId}), or for the actor's
     * whole scope: city-wide for the city (a city sheet plus one per division and department), a coordinator's own.
     * Organizers have no summary table (403 at the controller).
     */
    public void write(Actor actor, Long organizationId, OutputStream out) throws IOException {
        ReportScope scope = context.scope(actor, organizationId);
        if (scope.kind() == ReportScope.Kind.ORGANIZATION) {
            throw new cn.sciday.web.NotFoundException("summary table of a unit");
        }
        Campaign campaign = context.campaign();
        String filler = actor.displayName();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            book.setCompressTempFiles(true);
            Styles styles = new Styles(book);
            Map<Long, SheetWriter> sheets = new LinkedHashMap<>();
            SheetWriter city = null;
            if (scope.kind() == ReportScope.Kind.CITY) {
                OrganizationView c = context.organizations().city();
                city = new SheetWriter(book, styles, CITY_SHEET, campaign, c.fullName(), contact(c, filler),
                        c.contactPhone(), context, true);
                for (OrganizationView body : context.organizations().coordinatingBodies()) {
                    sheets.put(body.id(), new SheetWriter(book, styles, sheetName(book, body.name()), campaign,
                            body.fullName(), contact(body, null), body.contactPhone(), context, false));
                }
            } else {
                OrganizationView body = context.organizations().get(scope.organizationId());
                sheets.put(body.id(), new SheetWriter(book, styles, sheetName(book, body.name()), campaign,
                        body.fullName(), contact(body, filler), body.contactPhone(), context, false));
            }
            SheetWriter cityWriter = city;
            List<ActivityRow> chunk = new ArrayList<>(CHUNK);
            queries.stream(campaign.id(), scope, COUNTED, row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    flush(chunk, sheets, cityWriter, book, styles, campaign, filler);
                }
            });
            flush(chunk, sheets, cityWriter, book, styles, campaign, filler);
            if (city != null) {
                city.finish();
            }
            sheets.values().forEach(SheetWriter::finish);
            book.write(out);
            book.dispose();
        }
    }

    private void flush(List<ActivityRow> chunk, Map<Long, SheetWriter> sheets, SheetWriter city, SXSSFWorkbook book,
            Styles styles, Campaign campaign, String filler) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<Long, CompletionFacts.ActivityCompletion> facts = context.completion(
                chunk.stream().map(ActivityRow::id).toList());
        for (ActivityRow row : chunk) {
            CompletionFacts.ActivityCompletion c = facts.getOrDefault(row.id(),
                    CompletionFacts.ActivityCompletion.EMPTY);
            if (city != null) {
                city.add(row, c);
            }
            SheetWriter sheet = sheets.computeIfAbsent(row.bodyId(), id -> new SheetWriter(book, styles,
                    sheetName(book, row.bodyName()), campaign, row.bodyName(), filler, null, context, false));
            sheet.add(row, c);
        }
        chunk.clear();
    }

    private static String contact(OrganizationView o, String fallback) {
        return o.contactName() != null ? o.contactName() : fallback;
    }

    private static String sheetName(SXSSFWorkbook book, String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "未命名" : wanted);
        String name = base;
        int n = 2;
        while (book.getSheet(name) != null) {
            String suffix = "(" + n++ + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** The cell styles of the table. */
    static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle total;

        Styles(SXSSFWorkbook book) {
            title = book.createCellStyle();
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            total = book.createCellStyle();
            total.setFont(bold);
        }
    }

    /** One sheet: heading rows, then activity rows as they come, then the totals. */
    static final class SheetWriter {
        private final Sheet sheet;
        private final Styles styles;
        private final Campaign campaign;
        private final boolean city;
        private final Totals totals = new Totals();
        private int next;

        SheetWriter(SXSSFWorkbook book, Styles styles, String name, Campaign campaign, String filler,
                String contact, String phone, ReportContext context, boolean city) {
            this.sheet = book.createSheet(name);
            this.styles = styles;
            this.campaign = campaign;
            this.city = city;
            Row t = sheet.createRow(0);
            t.createCell(0).setCellValue(safe(title(campaign)));
            t.getCell(0).setCellStyle(styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));
            Row f = sheet.createRow(1);
            f.createCell(0).setCellValue("填报单位：");
            f.createCell(1).setCellValue(safe(filler));
            f.createCell(4).setCellValue("联系人：");
            f.createCell(5).setCellValue(safe(contact));
            f.createCell(7).setCellValue("联系电话：");
            f.createCell(8).setCellValue(safe(phone));
            f.createCell(10).setCellValue("填报日期：");
            f.createCell(11).setCellValue(context.today().toString());
            Row h = sheet.createRow(2);
            for (int i = 0; i < HEADER.length; i++) {
                h.createCell(i).setCellValue(HEADER[i]);
                h.getCell(i).setCellStyle(styles.header);
            }
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 22 * 256);
            sheet.setColumnWidth(6, 17 * 256);
            sheet.setColumnWidth(7, 17 * 256);
            sheet.setColumnWidth(9, 22 * 256);
            next = 3;
        }

        void add(ActivityRow a, CompletionFacts.ActivityCompletion c) {
            totals.add(a, c);
            Row r = sheet.createRow(next++);
            r.createCell(0).setCellValue(totals.activities);
            r.createCell(1).setCellValue(safe(a.name()));
            r.createCell(2).setCellValue(safe(a.organizationName()));
            r.createCell(3).setCellValue(safe(a.bodyName()));
            r.createCell(4).setCellValue(safe(jointActionName(campaign, a.jointAction())));
            r.createCell(5).setCellValue(Labels.format(a.format()));
            r.createCell(6).setCellValue(a.startsAt() == null ? "" : TIME.format(a.startsAt()));
            r.createCell(7).setCellValue(a.endsAt() == null ? "" : TIME.format(a.endsAt()));
            r.createCell(8).setCellValue(safe(a.divisionName()));
            r.createCell(9).setCellValue(safe(a.venue()));
            r.createCell(10).setCellValue(Labels.status(a.status()));
            r.createCell(11).setCellValue(a.expected());
            if (c.actualParticipants() != null) {
                r.createCell(12).setCellValue(c.actualParticipants());
            }
            r.createCell(13).setCellValue(a.signups());
            r.createCell(14).setCellValue(a.checkins());
            r.createCell(15).setCellValue(c.photos());
            r.createCell(16).setCellValue(c.newsLinks());
        }

        void finish() {
            Row sum = sheet.createRow(next++);
            label(sum, 0, "合计");
            label(sum, 1, "共 " + totals.activities + " 项活动");
            number(sum, 11, totals.expected);
            number(sum, 12, totals.actual);
            number(sum, 13, totals.signups);
            number(sum, 14, totals.checkins);
            number(sum, 15, totals.photos);
            number(sum, 16, totals.newsLinks);
            next++;
            label(sheet.createRow(next++), 0, "按联合行动统计（项）");
            for (JointAction j : campaign.jointActions()) {
                Row r = sheet.createRow(next++);
                r.createCell(0).setCellValue(j.number());
                r.createCell(1).setCellValue(safe(j.name()));
                r.createCell(2).setCellValue(totals.byJointAction.getOrDefault(j.number(), 0L));
            }
            Row none = sheet.createRow(next++);
            none.createCell(1).setCellValue("未归入联合行动");
            none.createCell(2).setCellValue(totals.withoutJointAction);
            next++;
            label(sheet.createRow(next++), 0, "按活动形式统计（项）");
            for (ActivityFormat f : ActivityFormat.values()) {
                Row r = sheet.createRow(next++);
                r.createCell(1).setCellValue(Labels.format(f));
                r.createCell(2).setCellValue(totals.byFormat.getOrDefault(f, 0L));
            }
            next++;
            label(sheet.createRow(next++), 0, "参与与材料");
            String[][] lines = {{"预计参与人数", String.valueOf(totals.expected)},
                    {"实际参与人数", String.valueOf(totals.actual)}, {"报名人数", String.valueOf(totals.signups)},
                    {"签到人数", String.valueOf(totals.checkins)}, {"照片数", String.valueOf(totals.photos)},
                    {"新闻报道链接数", String.valueOf(totals.newsLinks)}};
            for (String[] line : lines) {
                Row r = sheet.createRow(next++);
                r.createCell(1).setCellValue(line[0]);
                r.createCell(2).setCellValue(Long.parseLong(line[1]));
            }
            Row all = sheet.createRow(next++);
            label(all, 1, "合计（项）");
            all.createCell(2).setCellValue(totals.activities);
            next++;
            sheet.createRow(next++).createCell(0).setCellValue(city
                    ? "统计范围：已提交、归口已推荐、已发布和退回修改中的活动（不含草稿、已撤回和已取消的活动）；各市（区）、各部门的明细见各工作表。"
                    : "统计范围：已提交、归口已推荐、已发布和退回修改中的活动（不含草稿、已撤回和已取消的活动）。");
        }

        Totals totals() {
            return totals;
        }

        private void label(Row r, int col, String text) {
            r.createCell(col).setCellValue(text);
            r.getCell(col).setCellStyle(styles.total);
        }

        private void number(Row r, int col, long value) {
            r.createCell(col).setCellValue(value);
            r.getCell(col).setCellStyle(styles.total);
        }
    }

    static String jointActionName(Campaign campaign, Integer number) {
        if (number == null) {
            return "";
        }
        return campaign.jointAction(number).map(JointAction::name).orElse(String.valueOf(number));
    }

    static String safe(String s) {
        return SpreadsheetText.safe(s);
    }

}
