package cn.sciday.campaign;

import static cn.sciday.TestLogins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** The city admin's campaign API: same rules as the pages. Activation closes 2021, so it runs last. */
@IntegrationTest
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignAdminApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CampaignManagement campaigns;
    @Autowired
    Organizations organizations;

    Actor admin;
    Actor coordinator;
    Actor organizer;
    long id;

    @BeforeEach
    void setUp() {
        admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        coordinator = TestLogins.actor(Role.COORDINATOR, organizations.divisions().get(1).id());
        organizer = TestLogins.actor(Role.ORGANIZER, organizations.divisions().get(1).id());
        id = campaigns.all().stream().filter(c -> c.year() == 2021).findFirst().orElseThrow().id();
    }

    @Test
    void onlyCityAdminsMayCallIt() throws Exception {
        for (String url : List.of("/api/v1/admin/campaigns", "/api/v1/admin/campaigns/" + id)) {
            mvc.perform(get(url)).andExpect(status().isUnauthorized());
            mvc.perform(get(url).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(as(coordinator))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(as(admin))).andExpect(status().isOk());
        }
        for (MockHttpServletRequestBuilder request : List.of(
                json(put("/api/v1/admin/campaigns/" + id), headline("新主题", "2021-09-11")),
                json(put("/api/v1/admin/campaigns/" + id + "/joint-actions/1"), "{\"name\":\"x\",\"leadUnits\":[\"市科协\"]}"),
                json(put("/api/v1/admin/campaigns/" + id + "/milestones/INTENTION"), "{\"dueOn\":\"2021-09-30\"}"),
                json(post("/api/v1/admin/campaigns/" + id + "/clone"), "{\"year\":2030}"),
                post("/api/v1/admin/campaigns/" + id + "/activate"))) {
            mvc.perform(request.with(csrf())).andExpect(status().isUnauthorized());
            mvc.perform(request.with(csrf()).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(request.with(csrf()).with(as(coordinator))).andExpect(status().isForbidden());
        }
        assertThat(campaigns.get(id).theme()).isNotEqualTo("新主题");
        assertThat(campaigns.all()).noneMatch(c -> c.year() == 2030);
    }

    @Test
    void theListMarksTheCurrentCampaign() throws Exception {
        mvc.perform(get("/api/v1/admin/campaigns").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.year == 2021)].current").value(true))
                .andExpect(jsonPath("$[?(@.year == 2021)].status").value("ACTIVE"));
    }

    @Test
    void editingChangesTheCurrentCampaignAndBadInputIsA400WithFieldErrors() throws Exception {
        mvc.perform(json(put("/api/v1/admin/campaigns/" + id), headline("全民科学素质提升", "2021-09-11"))
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.theme").value("全民科学素质提升"));
        mvc.perform(get("/api/v1/campaigns/current")).andExpect(jsonPath("$.theme").value("全民科学素质提升"));

        mvc.perform(json(put("/api/v1/admin/campaigns/" + id), headline("", "2021-09-11")).with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("theme"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写活动主题。"));
        mvc.perform(json(put("/api/v1/admin/campaigns/" + id), headline("主题", "2021-12-31")).with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        mvc.perform(json(put("/api/v1/admin/campaigns/" + id), headline("不带令牌", "2021-09-11")).with(as(admin))
                .session(new org.springframework.mock.web.MockHttpSession()))
                .andExpect(status().isForbidden());
        assertThat(campaigns.get(id).theme()).isEqualTo("全民科学素质提升");
        mvc.perform(get("/api/v1/admin/campaigns/99999").with(as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void jointActionsAndMilestonesAreEditedOneByOne() throws Exception {
        mvc.perform(json(put("/api/v1/admin/campaigns/" + id + "/joint-actions/2"),
                        "{\"name\":\"生态环保科普联合行动\",\"description\":\"说明\",\"leadUnits\":[\"市生态环境局\",\"市科协\"]}")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jointActions[1].leadUnits[1]").value("市科协"));
        mvc.perform(json(put("/api/v1/admin/campaigns/" + id + "/joint-actions/2"), "{\"name\":\"x\",\"leadUnits\":[]}")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leadUnits"));
        mvc.perform(json(put("/api/v1/admin/campaigns/" + id + "/milestones/STAGE_SUMMARY"), "{\"dueOn\":\"2021-10-29\"}")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isOk());
        assertThat(campaigns.get(id).milestone(MilestoneKind.STAGE_SUMMARY).dueOn()).isEqualTo(LocalDate.of(2021, 10, 29));
    }

    @Test
    @Order(1)
    void cloningCreatesADraftAndTheSameYearTwiceIsAConflict() throws Exception {
        mvc.perform(json(post("/api/v1/admin/campaigns/" + id + "/clone"), "{\"year\":2022}").with(csrf()).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.year").value(2022))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.period.start").value("2022-09-11"))
                .andExpect(jsonPath("$.milestones[?(@.kind == 'INTENTION')].dueDate").value("2022-09-24"));
        mvc.perform(json(post("/api/v1/admin/campaigns/" + id + "/clone"), "{\"year\":2022}").with(csrf()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已有 2022 年的活动方案")));
        mvc.perform(json(post("/api/v1/admin/campaigns/" + id + "/clone"), "{\"year\":2019}").with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/api/v1/admin/campaigns").with(as(admin)))
                .andExpect(jsonPath("$[*].year", hasItem(2022)));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void activatingADraftMakesItCurrent() throws Exception {
        Campaign draft = campaigns.all().stream().filter(c -> c.year() == 2022).findFirst()
                .orElseGet(() -> campaigns.cloneToYear(id, 2022));
        mvc.perform(post("/api/v1/admin/campaigns/" + draft.id() + "/activate").with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/v1/campaigns/current")).andExpect(jsonPath("$.year").value(2022));
        mvc.perform(post("/api/v1/admin/campaigns/" + id + "/activate").with(csrf()).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(put("/api/v1/admin/campaigns/" + id), headline("已结束", "2021-09-11")).with(csrf()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("已结束的活动方案不能修改。"));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String headline(String theme, String endsOn) {
        return """
                {"title":"2021年江门市全国科普日活动方案","theme":"%s","startsOn":"2021-09-11","endsOn":"%s",
                 "brandLabel":"2021年全国科普日活动","affiliation":"广东省江门市科学技术协会","lateSubmissionAllowed":false}"""
                .formatted(theme, endsOn.equals("2021-12-31") ? "2021-09-01" : "2021-12-10");
    }
}
