package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityView;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/**
 * The summary table (附件2): its totals equal what the database counts (activities in the counted states, sign-ups,
 * check-ins, by joint action and by format), city-wide with a sheet per division and department, a coordinator's
 * own, formula escaping on every text cell, and who may download which.
 */
@IntegrationTest
class SummaryTableIntegrationTests {

    static final String COUNTED = "('SUBMITTED', 'ENDORSED', 'PUBLISHED', 'RETURNED')";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;

    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    JdbcTemplate jdbc;

    ReportingFixtures fx;
    OrganizationView jianghai;
    OrganizationView xinhui;
    ActivityView evil;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        jianghai = fx.division("江海区");
        xinhui = fx.division("新会区");
        OrganizationView a = fx.newUnit("江海区");
        OrganizationView b = fx.newUnit("江海区");
        OrganizationView c = fx.newUnit("新会区");
        ActivityView a1 = fx.published(a, "江海区", fx.form(ReportingFixtures.unique("实验营"), 2, ActivityFormat.OFFLINE, 200));
        ActivityView a2 = fx.published(a, "江海区", fx.form(ReportingFixtures.unique("直播课"), 12, ActivityFormat.ONLINE, 900));
        ActivityForm bad = fx.form("=HYPERLINK(\"http://evil.example\",\"点我\")", null, ActivityFormat.BOTH, 50);
        bad = new ActivityForm(bad.name(), bad.jointAction(), bad.themes(), bad.coOrganizers(), bad.format(),
                bad.startsAt(), bad.endsAt(), bad.divisionId(), "@SUM(1+1)", bad.onlineUrl(), bad.audiences(),
                bad.expectedParticipants(), false, null, false, "+简介", "描述", "-联系人", "0750-3862101");
        evil = fx.published(b, "江海区", bad);
        fx.submitted(b, fx.form(ReportingFixtures.unique("待审活动"), 7, ActivityFormat.OFFLINE, 120));
        activities.create(fx.organizer(b), fx.form(ReportingFixtures.unique("草稿不计"), 7, ActivityFormat.OFFLINE, 999));
        ActivityView c1 = fx.published(c, "新会区", fx.form(ReportingFixtures.unique("乡村科普"), 7, ActivityFormat.OFFLINE, 300));
        fx.registrations(a1.id(), a.id(), 12, 9, 5, 4);
        fx.registrations(a2.id(), a.id(), 30, 0);
        fx.registrations(c1.id(), c.id(), 7, 7, 3);
    }

    byte[] download(String url, Actor actor, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(TestLogins.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(status);
        return r.getContentAsByteArray();
    }

    /** What the database says for activities matching {@code where} (on activity a and organization o). */
    Map<String, Long> database(String where) {
        Map<String, Long> m = new HashMap<>();
        String from = " from activity a join organization o on o.id = a.organization_id where a.status in " + COUNTED
                + " and " + where;
        m.put("activities", jdbc.queryForObject("select count(*)" + from, Long.class));
        m.put("expected", jdbc.queryForObject("select coalesce(sum(a.expected_participants), 0)" + from, Long.class));
        m.put("signups", jdbc.queryForObject("select count(*) from registration r where r.status = 'CONFIRMED' and"
                + " r.activity_id in (select a.id" + from + ")", Long.class));
        m.put("checkins", jdbc.queryForObject("select count(*) from registration r where r.checked_in_at is not null"
                + " and r.activity_id in (select a.id" + from + ")", Long.class));
        for (int j = 1; j <= 12; j++) {
            m.put("joint" + j, jdbc.queryForObject("select count(*)" + from + " and a.joint_action = " + j, Long.class));
        }
        m.put("jointNone", jdbc.queryForObject("select count(*)" + from + " and a.joint_action is null", Long.class));
        for (ActivityFormat f : ActivityFormat.values()) {
            m.put(f.name(), jdbc.queryForObject("select count(*)" + from + " and a.activity_format = '" + f.name() + "'",
                    Long.class));
        }
        return m;
    }

    /** The same figures read back from a sheet of the table. */
    static Map<String, Long> sheet(Sheet s) {
        Map<String, Long> m = new HashMap<>();
        Row total = find(s, 0, "合计");
        m.put("activities", Long.parseLong(total.getCell(1).getStringCellValue().replaceAll("\\D", "")));
        m.put("expected", (long) total.getCell(11).getNumericCellValue());
        m.put("signups", (long) total.getCell(13).getNumericCellValue());
        m.put("checkins", (long) total.getCell(14).getNumericCellValue());
        int byJoint = find(s, 0, "按联合行动统计（项）").getRowNum();
        for (int j = 1; j <= 12; j++) {
            Row r = s.getRow(byJoint + j);
            assertThat((int) r.getCell(0).getNumericCellValue()).isEqualTo(j);
            m.put("joint" + j, (long) r.getCell(2).getNumericCellValue());
        }
        m.put("jointNone", (long) find(s, 1, "未归入联合行动").getCell(2).getNumericCellValue());
        m.put("OFFLINE", (long) find(s, 1, "线下").getCell(2).getNumericCellValue());
        m.put("ONLINE", (long) find(s, 1, "线上").getCell(2).getNumericCellValue());
        m.put("BOTH", (long) find(s, 1, "线上+线下").getCell(2).getNumericCellValue());
        // the activity rows add up to the totals
        long rows = 0;
        long expected = 0;
        for (int i = 3; i < total.getRowNum(); i++) {
            rows++;
            expected += (long) s.getRow(i).getCell(11).getNumericCellValue();
        }
        assertThat(rows).isEqualTo(m.get("activities"));
        assertThat(expected).isEqualTo(m.get("expected"));
        assertThat((long) find(s, 1, "合计（项）").getCell(2).getNumericCellValue()).isEqualTo(rows);
        return m;
    }

    static Row find(Sheet s, int column, String text) {
        for (Row r : s) {
            Cell c = r.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + text + " in column " + column + " of " + s.getSheetName());
    }

    @Test
    void cityWideTotalsEqualTheDatabase() throws Exception {
        byte[] file = download("/reports/summary.xlsx", fx.city(), 200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(book.getSheetName(0)).isEqualTo("全市");
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            organizations.coordinatingBodies().forEach(b -> assertThat(names).contains(b.name()));

            Sheet city = book.getSheet("全市");
            assertThat(city.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2021年江门市全国科普日活动汇总表");
            assertThat(city.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：");
            assertThat(city.getRow(1).getCell(4).getStringCellValue()).isEqualTo("联系人：");
            assertThat(city.getRow(1).getCell(7).getStringCellValue()).isEqualTo("联系电话：");
            assertThat(city.getRow(1).getCell(10).getStringCellValue()).isEqualTo("填报日期：");
            assertThat(city.getRow(1).getCell(11).getStringCellValue()).isEqualTo("2021-09-15");
            assertThat(sheet(city)).isEqualTo(database("1 = 1"));
            assertThat(sheet(book.getSheet("江海区")))
                    .isEqualTo(database("(o.id = " + jianghai.id() + " or o.parent_id = " + jianghai.id() + ")"));
            assertThat(sheet(book.getSheet("新会区")))
                    .isEqualTo(database("(o.id = " + xinhui.id() + " or o.parent_id = " + xinhui.id() + ")"));
        }
    }

    @Test
    void aCoordinatorGetsItsOwnAndTheCityAnyOne() throws Exception {
        Actor coordinator = fx.coordinator("江海区");
        Map<String, Long> expected = database("(o.id = " + jianghai.id() + " or o.parent_id = " + jianghai.id() + ")");
        for (byte[] file : List.of(download("/reports/summary.xlsx", coordinator, 200),
                download("/reports/summary.xlsx?org=" + jianghai.id(), coordinator, 200),
                download("/api/v1/reports/summary.xlsx?org=" + jianghai.id(), fx.city(), 200))) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                assertThat(book.getNumberOfSheets()).isEqualTo(1);
                assertThat(book.getSheetName(0)).isEqualTo("江海区");
                assertThat(sheet(book.getSheetAt(0))).isEqualTo(expected);
            }
        }
        download("/reports/summary.xlsx?org=" + xinhui.id(), coordinator, 404);
        download("/reports/summary.xlsx?org=" + organizations.city().id(), coordinator, 404);
        download("/reports/summary.xlsx", fx.organizer(fx.newUnit("江海区")), 403);
    }

    @Test
    void textCellsThatLookLikeFormulasAreEscaped() throws Exception {
        byte[] file = download("/reports/summary.xlsx?org=" + jianghai.id(), fx.coordinator("江海区"), 200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet s = book.getSheetAt(0);
            Row r = find(s, 1, "'=HYPERLINK(\"http://evil.example\",\"点我\")");
            assertThat(r.getCell(9).getStringCellValue()).isEqualTo("'@SUM(1+1)");
            for (Row row : s) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (c.getCellType() == CellType.STRING) {
                        assertThat(c.getStringCellValue()).doesNotStartWith("=").doesNotStartWith("+")
                                .doesNotStartWith("-").doesNotStartWith("@");
                    }
                }
            }
        }
    }
}
