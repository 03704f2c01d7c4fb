package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityView;
import cn.sciday.campaign.TestCampaigns;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The special report (专报): generated in the background with progress, kept for download, parsed back with XWPF:
 * its totals match the database, it has a table per division/department and per joint action, the charts as images
 * and the recommended activities.
 */
@IntegrationTest
class SpecialReportIntegrationTests {

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
    Recommendations recommendations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void generatedInTheBackgroundKeptAndParsedBack() throws Exception {
        ReportingFixtures fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        OrganizationView unit = fx.newUnit("台山市");
        String name = ReportingFixtures.unique("核电科普开放日");
        ActivityView star = fx.published(unit, "台山市", fx.form(name, 5, ActivityFormat.OFFLINE, 400));
        fx.registrations(star.id(), unit.id(), 20, 15, 5, 5, 4);
        Actor city = fx.city();
        recommendations.recommend(city, star.id(), RecommendationLevel.PROVINCE, "新能源科普成效突出。");

        MockHttpServletResponse started = mvc.perform(post("/reports/special").with(csrf()).with(TestLogins.as(city)))
                .andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        String location = started.getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        JsonNode job = null;
        for (int i = 0; i < 240; i++) {
            job = json.readTree(mvc.perform(get("/api/v1/reports/special/" + id).with(TestLogins.as(city)))
                    .andReturn().getResponse().getContentAsString());
            if (job.get("status").asText().equals("DONE") || job.get("status").asText().equals("FAILED")) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("progress").asInt()).isEqualTo(100);

        String page = mvc.perform(get(location).with(TestLogins.as(city))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("report.docx").doesNotContain("hx-trigger");

        MockHttpServletResponse file = mvc.perform(get("/reports/special/" + id + "/report.docx")
                .with(TestLogins.as(city))).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("attachment");

        long counted = jdbc.queryForObject("select count(*) from activity where status in " + COUNTED, Long.class);
        long signups = jdbc.queryForObject("select count(*) from registration r join activity a on a.id = r.activity_id"
                + " where r.status = 'CONFIRMED' and a.status in " + COUNTED, Long.class);
        long checkins = jdbc.queryForObject("select count(*) from registration r join activity a on a.id = r.activity_id"
                + " where r.checked_in_at is not null and a.status in " + COUNTED, Long.class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("关于2021年江门市全国科普日活动开展情况的专报").contains("一、活动概况")
                    .contains("五、亮点活动").contains(name).contains("推荐省科协").contains("新能源科普成效突出。")
                    .contains("七、信息完善、总结报送和逾期情况");
            XWPFTable totals = doc.getTables().get(0);
            assertThat(value(totals, "申报活动（项）")).isEqualTo(counted);
            assertThat(value(totals, "报名人数")).isEqualTo(signups);
            assertThat(value(totals, "签到人数")).isEqualTo(checkins);
            XWPFTable bodies = doc.getTables().get(1);
            assertThat(bodies.getRow(0).getCell(0).getText()).isEqualTo("市（区）/部门");
            assertThat(value(bodies, "合计")).isEqualTo(counted);
            assertThat(value(bodies, "台山市")).isEqualTo(jdbc.queryForObject("select count(*) from activity a join"
                    + " organization o on o.id = a.organization_id where a.status in " + COUNTED
                    + " and (o.id = ? or o.parent_id = ?)", Long.class, unit.parentId(), unit.parentId()));
            XWPFTable actions = doc.getTables().get(2);
            assertThat(value(actions, "合计")).isEqualTo(counted);
            assertThat(value(actions, "5. 新能源科普联合行动")).isEqualTo(jdbc.queryForObject(
                    "select count(*) from activity where joint_action = 5 and status in " + COUNTED, Long.class));
            assertThat(embedded(doc)).isEqualTo(3);
            assertThat(doc.getAllPictures()).allMatch(p -> p.getPictureType() == org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG);
        }
    }

    static int embedded(XWPFDocument doc) {
        return doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                .mapToInt(r -> r.getEmbeddedPictures().size()).sum();
    }

    static long value(XWPFTable table, String label) {
        for (XWPFTableRow row : table.getRows()) {
            if (row.getCell(0).getText().equals(label)) {
                return Long.parseLong(row.getCell(1).getText());
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void theProgressFragmentPollsUntilTheJobIsFinished() throws Exception {
        Actor city = TestLogins.actor(cn.sciday.web.Role.CITY_ADMIN, organizations.city().id());
        jdbc.update("insert into report_job (campaign_id, status, progress, step, requested_by, requested_by_name,"
                + " requested_at) values ((select min(id) from campaign), 'RUNNING', 40, '编写专报', 1, 'x',"
                + " current_timestamp)");
        long id = jdbc.queryForObject("select max(id) from report_job", Long.class);
        String fragment = mvc.perform(get("/reports/special/" + id + "/progress").with(TestLogins.as(city)))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("hx-trigger=\"every 2s\"").contains("hx-get=\"/reports/special/" + id + "/progress\"")
                .contains("value=\"40\"").contains("刷新进度").doesNotContain("<html");
        String page = mvc.perform(get("/reports/special/" + id).with(TestLogins.as(city))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/reports/special/" + id + "\"").contains("<progress");
        assertThat(mvc.perform(get("/reports/special/" + id + "/report.docx").with(TestLogins.as(city)))
                .andReturn().getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void highlightsCarryOnePhotoEach() throws Exception {
        Dashboard.Data d = new Dashboard.Data("全市", 1, List.of(new Dashboard.Count("PUBLISHED", 1)), List.of(),
                List.of(), List.of(new Dashboard.Count("—", 1)), List.of(), List.of(), 10, 0, 0, 0, 0, 0, List.of(),
                false, 0, 0, null);
        ActivityRow a = new ActivityRow(7, "亮点活动", 1, "单位", 2, "江海区", "DIVISION", null, ActivityFormat.OFFLINE,
                null, null, "江海区", "馆", null, 10, "简介", "联系人", "电话", cn.sciday.activity.ActivityStatus.PUBLISHED,
                false, false, 0, 0, null, null, null);
        Recommendations.Recommended r = new Recommendations.Recommended(1, RecommendationLevel.NATION, "好", "市科协",
                null, a);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] photo = ChartImages.bars("照片", List.of(new ChartImages.Bar("a", 42), new ChartImages.Bar("b", 7)));
        SpecialReportWriter.write(TestCampaigns.jiangmen2021(), LocalDate.parse("2021-12-11"), d, List.of(),
                List.of(r), id -> id == 7 ? photo : null, p -> { }, out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            // three charts (divisions and departments, joint actions, ratings) and the photo
            assertThat(embedded(doc)).isEqualTo(4);
            assertThat(new XWPFWordExtractor(doc).getText()).contains("亮点活动（推荐中国科协）");
        }
    }

    @Test
    void onlyTheCityMakesSpecialReports() throws Exception {
        ReportingFixtures fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        assertThat(mvc.perform(post("/reports/special").with(csrf()).with(TestLogins.as(fx.coordinator("江海区"))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/reports/special")).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }
}
