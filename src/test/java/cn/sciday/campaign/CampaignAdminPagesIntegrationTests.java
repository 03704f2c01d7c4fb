package cn.sciday.campaign;

import static cn.sciday.TestLogins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * The city admin's campaign pages. Cloning and activating change which campaigns exist, so the context is thrown
 * away afterwards; the activation test runs last because it closes the 2021 campaign.
 */
@IntegrationTest
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignAdminPagesIntegrationTests {

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
        coordinator = TestLogins.actor(Role.COORDINATOR, organizations.divisions().get(0).id());
        organizer = TestLogins.actor(Role.ORGANIZER, organizations.divisions().get(0).id());
        id = campaigns.all().stream().filter(c -> c.year() == 2021).findFirst().orElseThrow().id();
    }

    @Test
    void onlyCityAdminsReachThePages() throws Exception {
        for (String url : List.of("/admin/campaigns", "/admin/campaigns/" + id, "/admin/campaigns/" + id + "/clone",
                "/admin/campaigns/" + id + "/activate", "/admin/campaigns/" + id + "/joint-actions/1",
                "/admin/campaigns/" + id + "/milestones/INTENTION")) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
            mvc.perform(get(url).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(as(coordinator))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(as(admin))).andExpect(status().isOk());
            // every text comes from the bundles, in both languages
            mvc.perform(get(url).param("lang", "en").with(as(admin)))
                    .andExpect(content().string(allOf(containsString("lang=\"en\""), not(containsString("??")))));
            mvc.perform(get(url).param("lang", "zh-CN").with(as(admin)))
                    .andExpect(content().string(not(containsString("??"))));
        }
        for (MockHttpServletRequestBuilder request : List.of(headline("新主题"), post("/admin/campaigns/" + id + "/clone")
                .param("year", "2030"), post("/admin/campaigns/" + id + "/activate"),
                post("/admin/campaigns/" + id + "/joint-actions/1").param("name", "x").param("leadUnits", "市科协"),
                post("/admin/campaigns/" + id + "/milestones/INTENTION").param("dueOn", "2021-09-30"))) {
            mvc.perform(request.with(csrf())).andExpect(redirectedUrl("/login"));
            mvc.perform(request.with(csrf()).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(request.with(csrf()).with(as(coordinator))).andExpect(status().isForbidden());
        }
        Campaign unchanged = campaigns.get(id);
        assertThat(unchanged.theme()).isNotEqualTo("新主题");
        assertThat(unchanged.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(campaigns.all()).noneMatch(c -> c.year() == 2030);
    }

    @Test
    void theListShowsEveryYearAndMarksTheCurrentOne() throws Exception {
        mvc.perform(get("/admin/campaigns").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<caption>"), containsString("scope=\"col\""),
                        containsString("2021年江门市全国科普日活动方案"), containsString("当前方案"),
                        containsString("进行中"), containsString("/admin/campaigns/" + id + "/clone"))));
    }

    @Test
    void editingTheHeadlineChangesWhatTheApiShows() throws Exception {
        mvc.perform(headline("科技创新，美好生活").param("lateSubmissionAllowed", "true").with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/campaigns/" + id))
                .andExpect(flash().attribute("successMessage", "方案概要已保存。"));
        mvc.perform(get("/api/v1/campaigns/current"))
                .andExpect(jsonPath("$.theme").value("科技创新，美好生活"))
                .andExpect(jsonPath("$.lateSubmissionAllowed").value(true))
                .andExpect(jsonPath("$.period.start").value("2021-09-11"));
        // an unticked box sends nothing: late submission is switched off again
        mvc.perform(headline("百年再出发，迈向高水平科技自立自强").with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.get(id).lateSubmissionAllowed()).isFalse();
        assertThat(campaigns.get(id).theme()).isEqualTo("百年再出发，迈向高水平科技自立自强");
    }

    @Test
    void aValidationErrorShowsTheFormAgainWithASummaryAndKeepsTheInput() throws Exception {
        mvc.perform(post("/admin/campaigns/" + id).with(csrf()).with(as(admin))
                        .param("title", "").param("theme", "我输入的主题").param("startsOn", "2021-09-11")
                        .param("endsOn", "2021-12-10").param("brandLabel", "2021年全国科普日活动")
                        .param("affiliation", "广东省江门市科学技术协会"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("有问题需要修改"),
                        containsString("href=\"#title\""), containsString("请填写方案名称。"),
                        containsString("id=\"title-error\""), containsString("aria-describedby=\"title-error\""),
                        containsString("aria-invalid=\"true\""), containsString("value=\"我输入的主题\""))));
        assertThat(campaigns.get(id).title()).isEqualTo("2021年江门市全国科普日活动方案");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsShownAtTheEndDate() throws Exception {
        mvc.perform(post("/admin/campaigns/" + id).with(csrf()).with(as(admin))
                        .param("title", "2021年江门市全国科普日活动方案").param("theme", "主题")
                        .param("startsOn", "2021-12-11").param("endsOn", "2021-09-10")
                        .param("brandLabel", "2021年全国科普日活动").param("affiliation", "广东省江门市科学技术协会"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#endsOn\""),
                        containsString("结束日期不能早于开始日期。"), containsString("value=\"2021-12-11\""))));
        assertThat(campaigns.get(id).startsOn()).isEqualTo(LocalDate.of(2021, 9, 11));
    }

    @Test
    void aJointActionTakesLeadUnitsPerLineOrSeparatedByTheChineseComma() throws Exception {
        mvc.perform(get("/admin/campaigns/" + id + "/joint-actions/5").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("台山市政府\n市科协")));
        mvc.perform(post("/admin/campaigns/" + id + "/joint-actions/5").with(csrf()).with(as(admin))
                        .param("name", "乡村振兴科普联合行动").param("description", "说明")
                        .param("leadUnits", "台山市政府、市科协\r\n市农业农村局"))
                .andExpect(redirectedUrl("/admin/campaigns/" + id + "#joint-actions"));
        assertThat(campaigns.get(id).jointAction(5).orElseThrow().leadUnits())
                .containsExactly("台山市政府", "市科协", "市农业农村局");
        mvc.perform(post("/admin/campaigns/" + id + "/joint-actions/5").with(csrf()).with(as(admin))
                        .param("name", "乡村振兴科普联合行动").param("description", "说明").param("leadUnits", " 、 "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#leadUnits\""),
                        containsString("至少填写一个牵头单位。"))));
        mvc.perform(get("/admin/campaigns/" + id + "/joint-actions/99").with(as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMilestoneMoves() throws Exception {
        mvc.perform(post("/admin/campaigns/" + id + "/milestones/COMPLETION").with(csrf()).with(as(admin))
                        .param("dueOn", "2021-10-29"))
                .andExpect(redirectedUrl("/admin/campaigns/" + id + "#milestones"));
        mvc.perform(get("/api/v1/campaigns/current"))
                .andExpect(jsonPath("$.milestones[?(@.kind == 'COMPLETION')].dueDate").value("2021-10-29"));
        mvc.perform(post("/admin/campaigns/" + id + "/milestones/COMPLETION").with(csrf()).with(as(admin))
                        .param("dueOn", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写截止日期")));
        mvc.perform(post("/admin/campaigns/" + id + "/milestones/COMPLETION").with(csrf()).with(as(admin))
                        .param("dueOn", "2021-10-22"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(headline("没有令牌").with(as(admin))).andExpect(status().isForbidden());
        assertThat(campaigns.get(id).theme()).isNotEqualTo("没有令牌");
    }

    @Test
    @Order(1)
    void cloningThroughThePageCreatesA2022DraftWithMovedDates() throws Exception {
        mvc.perform(get("/admin/campaigns/" + id + "/clone").with(as(admin)))
                .andExpect(content().string(containsString("value=\"2022\"")));
        String location = mvc.perform(post("/admin/campaigns/" + id + "/clone").with(csrf()).with(as(admin))
                        .param("year", "2022"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successMessage", containsString("2022")))
                .andReturn().getResponse().getRedirectedUrl();
        Campaign copy = campaigns.all().stream().filter(c -> c.year() == 2022).findFirst().orElseThrow();
        assertThat(location).isEqualTo("/admin/campaigns/" + copy.id());
        assertThat(copy.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(copy.startsOn()).isEqualTo(LocalDate.of(2022, 9, 11));
        assertThat(copy.endsOn()).isEqualTo(LocalDate.of(2022, 12, 10));
        assertThat(copy.milestone(MilestoneKind.INTENTION).dueOn()).isEqualTo(LocalDate.of(2022, 9, 24));
        assertThat(copy.milestone(MilestoneKind.FULL_SUMMARY).dueOn()).isEqualTo(LocalDate.of(2022, 12, 10));
        assertThat(copy.jointActions()).hasSize(12);
        // the running campaign stays current; the list shows the draft
        mvc.perform(get("/api/v1/campaigns/current")).andExpect(jsonPath("$.year").value(2021));
        mvc.perform(get("/admin/campaigns").with(as(admin)))
                .andExpect(content().string(allOf(containsString("草稿"), containsString("2022年江门市全国科普日活动方案"))));
        // the same year again: the Chinese message as a flash error on the form, the input kept
        mvc.perform(post("/admin/campaigns/" + id + "/clone").with(csrf()).with(as(admin)).param("year", "2022"))
                .andExpect(redirectedUrl("/admin/campaigns/" + id + "/clone"))
                .andExpect(flash().attribute("errorMessage", containsString("已有 2022 年的活动方案")));
        // an earlier year: a field error
        mvc.perform(post("/admin/campaigns/" + id + "/clone").with(csrf()).with(as(admin)).param("year", "2020"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#year\""),
                        containsString("新方案的年份必须晚于 2021 年。"), containsString("value=\"2020\""))));
        mvc.perform(post("/admin/campaigns/" + id + "/clone").with(csrf()).with(as(admin)).param("year", "二〇二三"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("年份请填写4位数字")));
        // the next default year skips the one that exists
        mvc.perform(get("/admin/campaigns/" + id + "/clone").with(as(admin)))
                .andExpect(content().string(containsString("value=\"2023\"")));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void makingADraftCurrentNeedsAConfirmationAndClosesTheRunningPlan() throws Exception {
        Campaign draft = campaigns.all().stream().filter(c -> c.year() == 2022).findFirst()
                .orElseGet(() -> campaigns.cloneToYear(id, 2022));
        mvc.perform(get("/admin/campaigns/" + draft.id() + "/activate").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("确认设为当前方案"),
                        containsString("2021年江门市全国科普日活动方案"), not(containsString("<script>")))));
        assertThat(campaigns.get(draft.id()).status()).isEqualTo(CampaignStatus.DRAFT);
        mvc.perform(post("/admin/campaigns/" + draft.id() + "/activate").with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/admin/campaigns/" + draft.id()));
        mvc.perform(get("/api/v1/campaigns/current")).andExpect(jsonPath("$.year").value(2022));
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.CLOSED);
        // the closed plan refuses changes with a flash message on the form
        mvc.perform(headline("已结束还想改").with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/admin/campaigns/" + id))
                .andExpect(flash().attribute("errorMessage", "已结束的活动方案不能修改。"));
        mvc.perform(get("/admin/campaigns/" + id).with(as(admin)))
                .andExpect(content().string(containsString("这份方案已经结束")));
        mvc.perform(post("/admin/campaigns/" + id + "/activate").with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/admin/campaigns/" + id + "/activate"))
                .andExpect(flash().attribute("errorMessage", "已结束的活动方案不能重新启用。"));
    }

    private MockHttpServletRequestBuilder headline(String theme) {
        return post("/admin/campaigns/" + id).param("title", "2021年江门市全国科普日活动方案").param("theme", theme)
                .param("startsOn", "2021-09-11").param("endsOn", "2021-12-10")
                .param("brandLabel", "2021年全国科普日活动").param("affiliation", "广东省江门市科学技术协会");
    }
}
