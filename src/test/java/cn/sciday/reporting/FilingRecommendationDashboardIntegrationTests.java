package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityView;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The national-platform filing export and references, recommendations per level, and the dashboard's figures
 * against the database.
 */
@IntegrationTest
class FilingRecommendationDashboardIntegrationTests {

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
    @Autowired
    ObjectMapper json;

    ReportingFixtures fx;
    OrganizationView unit;
    Actor owner;
    ActivityView published;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        unit = fx.newUnit("鹤山市");
        owner = fx.organizer(unit);
        ActivityForm f = fx.form("=cmd|' /C calc'!A0", 9, ActivityFormat.BOTH, 80);
        published = fx.published(unit, "鹤山市", f);
    }

    MockHttpServletResponse call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Actor actor) throws Exception {
        return mvc.perform(request.with(csrf()).with(TestLogins.as(actor))).andReturn().getResponse();
    }

    @Test
    void theUnitRecordsItsReferenceAndExportsCsvAndXlsx() throws Exception {
        String body = "{\"reference\":\"KPR-2021-000123\"}";
        assertThat(call(put("/api/v1/filing/" + published.id() + "/reference").contentType(MediaType.APPLICATION_JSON)
                .content(body), owner).getStatus()).isEqualTo(200);
        assertThat(call(put("/api/v1/filing/" + published.id() + "/reference").contentType(MediaType.APPLICATION_JSON)
                .content(body), fx.coordinator("鹤山市")).getStatus()).isEqualTo(403);
        assertThat(call(put("/api/v1/filing/" + published.id() + "/reference").contentType(MediaType.APPLICATION_JSON)
                .content(body), fx.organizer(fx.newUnit("鹤山市"))).getStatus()).isEqualTo(404);
        ActivityView draft = activities.create(owner, fx.form(ReportingFixtures.unique("草稿"), 9, ActivityFormat.OFFLINE, 5));
        assertThat(call(put("/api/v1/filing/" + draft.id() + "/reference").contentType(MediaType.APPLICATION_JSON)
                .content(body), owner).getStatus()).isEqualTo(409);

        byte[] csv = call(get("/filing/export.csv"), owner).getContentAsByteArray();
        assertThat(csv[0] & 0xff).isEqualTo(0xef);
        assertThat(csv[1] & 0xff).isEqualTo(0xbb);
        assertThat(csv[2] & 0xff).isEqualTo(0xbf);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("序号,活动名称,开始时间,结束时间,活动形式,所在市（区）,活动地点,举办单位,归口单位,本市归口,线上活动网址,"
                + "活动简介,联系人,联系电话,品牌标识,全国平台登记编号");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("1,'=cmd|' /C calc'!A0,2021-10-16 09:00,2021-10-16 11:30,线上+线下,江海区,")
                .contains(",广东省江门市科学技术协会,鹤山市,https://live.example.cn/kepu,")
                .endsWith(",2021年全国科普日活动,KPR-2021-000123");

        byte[] xlsx = call(get("/filing/export.xlsx"), owner).getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = book.getSheetAt(0);
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(s.getRow(1).getCell(15).getStringCellValue()).isEqualTo("KPR-2021-000123");
            assertThat(s.getLastRowNum()).isEqualTo(1);
        }
        // scope: the coordinator's own and its unit's, the city's any; another division's is not found
        Actor coordinator = fx.coordinator("鹤山市");
        assertThat(call(get("/filing/export.csv?org=" + unit.id()), coordinator).getStatus()).isEqualTo(200);
        assertThat(call(get("/filing/export.csv?org=" + fx.division("江海区").id()), coordinator).getStatus())
                .isEqualTo(404);
        assertThat(call(get("/filing/export.xlsx?org=" + fx.newUnit("江海区").id()), owner).getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/filing/export.csv?org=" + unit.id()), fx.city()).getStatus()).isEqualTo(200);
        String page = call(get("/filing"), owner).getContentAsString();
        assertThat(page).contains("KPR-2021-000123").contains("name=\"reference\"");
    }

    @Test
    void theCityRecommendsPerLevelWithAReason() throws Exception {
        Actor city = fx.city();
        String body = "{\"activityId\":" + published.id() + ",\"level\":\"NATION\",\"reason\":\"形式新颖，覆盖面广。\"}";
        MockHttpServletResponse created = call(post("/api/v1/recommendations").contentType(MediaType.APPLICATION_JSON)
                .content(body), city);
        assertThat(created.getStatus()).isEqualTo(201);
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        assertThat(call(post("/api/v1/recommendations").contentType(MediaType.APPLICATION_JSON).content(body), city)
                .getStatus()).isEqualTo(409);
        assertThat(call(post("/api/v1/recommendations").contentType(MediaType.APPLICATION_JSON).content(body),
                fx.coordinator("鹤山市")).getStatus()).isEqualTo(403);
        assertThat(call(post("/api/v1/recommendations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"activityId\":" + published.id() + ",\"level\":\"CITY_KEY\",\"reason\":\" \"}"), city)
                .getStatus()).isEqualTo(400);

        JsonNode nation = json.readTree(call(get("/api/v1/recommendations?level=NATION"), city).getContentAsString());
        assertThat(nation.toString()).contains(published.name()).contains("形式新颖，覆盖面广。");
        JsonNode province = json.readTree(call(get("/api/v1/recommendations?level=PROVINCE"), city)
                .getContentAsString());
        assertThat(province.toString()).doesNotContain("形式新颖，覆盖面广。");
        byte[] xlsx = call(get("/recommendations/export.xlsx?level=NATION"), city).getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = book.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo("推荐中国科协");
            boolean found = false;
            for (org.apache.poi.ss.usermodel.Row r : s) {
                if (r.getRowNum() > 1 && r.getCell(2).getStringCellValue().equals("'" + published.name())) {
                    found = true;
                    assertThat(r.getCell(12).getStringCellValue()).isEqualTo("形式新颖，覆盖面广。");
                }
            }
            assertThat(found).isTrue();
        }
        String page = call(get("/recommendations?q=cmd"), city).getContentAsString();
        assertThat(page).contains("推荐中国科协").contains("name=\"reason\"");
        assertThat(call(delete("/api/v1/recommendations/" + id), city).getStatus()).isEqualTo(204);
        assertThat(call(get("/api/v1/recommendations?level=NATION"), city).getContentAsString())
                .doesNotContain("形式新颖，覆盖面广。");
    }

    @Test
    void dashboardFiguresMatchTheDatabase() throws Exception {
        fx.registrations(published.id(), unit.id(), 6, 4, 5, 3);
        OrganizationView heshan = fx.division("鹤山市");
        Actor coordinator = fx.coordinator("鹤山市");
        JsonNode d = json.readTree(call(get("/api/v1/dashboard"), coordinator).getContentAsString());
        String scope = " from activity a join organization o on o.id = a.organization_id where (o.id = " + heshan.id()
                + " or o.parent_id = " + heshan.id() + ")";
        long counted = jdbc.queryForObject("select count(*)" + scope
                + " and a.status in ('SUBMITTED', 'ENDORSED', 'PUBLISHED', 'RETURNED')", Long.class);
        assertThat(d.get("activities").asLong()).isEqualTo(counted);
        assertThat(d.get("scopeName").asText()).isEqualTo("鹤山市");
        long published = jdbc.queryForObject("select count(*)" + scope + " and a.status = 'PUBLISHED'", Long.class);
        for (JsonNode c : d.get("byStatus")) {
            if (c.get("label").asText().equals("PUBLISHED")) {
                assertThat(c.get("count").asLong()).isEqualTo(published);
            }
        }
        Double average = jdbc.queryForObject("select avg(cast(f.rating as double precision)) from feedback f join"
                + " activity a on a.id = f.activity_id join organization o on o.id = a.organization_id where (o.id = "
                + heshan.id() + " or o.parent_id = " + heshan.id() + ")", Double.class);
        assertThat(d.get("averageRating").asDouble()).isEqualTo(Math.round(average * 10) / 10.0);
        assertThat(d.get("signups").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from registration r"
                + " where r.status = 'CONFIRMED' and r.activity_id in (select a.id" + scope
                + " and a.status in ('SUBMITTED', 'ENDORSED', 'PUBLISHED', 'RETURNED'))", Long.class));
        assertThat(d.get("divisions").get(0).get("name").asText()).isEqualTo("鹤山市");
        assertThat(d.get("completionKnown").asBoolean()).isTrue();

        String page = call(get("/dashboard"), fx.city()).getContentAsString();
        assertThat(page).contains("data-chart=\"bar\"").contains("/dist/echarts.common.min.js")
                .contains("aria-hidden=\"true\"").contains("<th scope=\"row\">鹤山市</th>");
        assertThat(mvc.perform(get("/webjars/echarts/dist/echarts.common.min.js")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }
}
