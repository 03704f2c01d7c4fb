package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Preferences;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The intention form's row and column errors in the importer's language, each with its key: the column is the
 * sheet's own header, the message is Chinese by default and English with Accept-Language (API) or the cookie (page).
 */
@IntegrationTest
class IntentionImportLanguageIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    Actor owner;
    byte[] file;

    @BeforeEach
    void setUp() throws java.io.IOException {
        ReportingFixtures fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        OrganizationView unit = fx.newUnit("江海区");
        owner = fx.organizer(unit);
        String[] noName = ReportingFixtures.row(null, null);
        noName[7] = "2021-13-40";
        String[] badChoices = ReportingFixtures.row("地点不明的活动", null);
        badChoices[4] = "99";
        badChoices[12] = "很多";
        file = ReportingFixtures.form(noName, badChoices);
    }

    @Test
    void theApiListsRowColumnKeyAndMessageInTheCallersLanguage() throws Exception {
        assertThat(problems(upload("/api/v1/forms/intention"))).containsExactly(
                "4|开始时间|reporting.error.dateInvalid|日期“2021-13-40”不存在。",
                "4|活动名称|activity.name.required|请填写活动名称。",
                "5|所属联合行动|reporting.error.jointActionNumber|没有编号为 99 的联合行动（编号为 1–12）。",
                "5|预计参与人数|reporting.error.countWhole|预计参与人数应为整数，如 200。");
        assertThat(problems(upload("/api/v1/forms/intention").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))).containsExactly(
                "4|开始时间|reporting.error.dateInvalid|The date \"2021-13-40\" does not exist.",
                "4|活动名称|activity.name.required|Enter the activity name.",
                "5|所属联合行动|reporting.error.jointActionNumber|There is no joint action number 99 (the numbers are 1–12).",
                "5|预计参与人数|reporting.error.countWhole|"
                        + "The expected number of participants must be a whole number, such as 200.");
    }

    @Test
    void thePageShowsThemInTheChosenLanguage() throws Exception {
        String page = mvc.perform(upload("/forms/intention").cookie(new Cookie(Preferences.LANGUAGE_COOKIE, "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The date &quot;2021-13-40&quot; does not exist.")
                .contains("There is no joint action number 99 (the numbers are 1–12).")
                .doesNotContain("不存在。");
    }

    private MockMultipartHttpServletRequestBuilder upload(String url) {
        return (MockMultipartHttpServletRequestBuilder) multipart(url)
                .file(new MockMultipartFile("file", "form.xlsx", "application/octet-stream", file))
                .with(TestLogins.as(owner)).with(csrf());
    }

    private List<String> problems(MockMultipartHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        JsonNode result = json.readTree(r.getContentAsString());
        List<String> problems = new ArrayList<>();
        result.get("problems").forEach(p -> problems.add(p.get("row").asInt() + "|" + p.get("column").asText() + "|"
                + p.get("code").asText() + "|" + p.get("message").asText()));
        return problems;
    }
}
