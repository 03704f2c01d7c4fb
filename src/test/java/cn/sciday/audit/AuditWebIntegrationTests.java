package cn.sciday.audit;

import static cn.sciday.TestLogins.as;
import static org.assertj.core.api.Assertions.assertThat;
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

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** The search page and API for city admins: who may see them, the filters, paging, and the verify button. */
@IntegrationTest
class AuditWebIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail trail;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- authorization ----------------------------------------------------------------------------------------

    @Test
    void anonymousVisitorsAreSentToLoginAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/admin/audit")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/admin/audit")).andExpect(status().isUnauthorized());
        mvc.perform(post("/admin/audit/verify").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/api/v1/admin/audit/verify").with(csrf())).andExpect(status().isUnauthorized());
    }

    @Test
    void organizersCoordinatorsAndThePublicAreRefused() throws Exception {
        long division = organizations.divisions().get(0).id();
        List<Actor> refused = List.of(TestLogins.actor(Role.ORGANIZER, division + 1000),
                TestLogins.actor(Role.COORDINATOR, division), TestLogins.actor(Role.PUBLIC, null));
        for (Actor actor : refused) {
            mvc.perform(get("/admin/audit").with(as(actor))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/admin/audit").with(as(actor))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/audit/verify").with(csrf()).with(as(actor))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/admin/audit/verify").with(csrf()).with(as(actor)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void cityAdminsSeeThePageAndTheApi() throws Exception {
        trail.record(null, "页面测试", "127.0.0.1", "LOGIN", "ACCOUNT", "1", null);
        mvc.perform(get("/admin/audit").with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<caption>审计记录：共 ")))
                .andExpect(content().string(containsString("<th scope=\"col\">操作人</th>")))
                .andExpect(content().string(containsString("<th scope=\"row\" data-label=\"时间（北京时间）\">")))
                .andExpect(content().string(containsString("data-label=\"详情\"")))
                .andExpect(content().string(containsString("<span>登录</span>")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("校验审计链")));
        mvc.perform(get("/api/v1/admin/audit").with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].hash").isString())
                .andExpect(jsonPath("$.items[0].at").value(containsString("+08:00")));
    }

    @Test
    void thePageSpeaksEnglish() throws Exception {
        mvc.perform(get("/admin/audit").param("lang", "en").with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Verify the audit chain")))
                .andExpect(content().string(containsString("Actor (contains)")));
    }

    // ---- filters and paging -----------------------------------------------------------------------------------

    @Test
    void filtersByActorActionTargetAndBeijingDates() throws Exception {
        String tag = "Tg" + UUID.randomUUID().toString().substring(0, 6);
        entryAt("2021-09-10T23:30:00+08:00", "甲" + tag, "FILTER_A", "TYPE_X", "1");
        entryAt("2021-09-11T07:30:00+08:00", "乙" + tag, "FILTER_B", "TYPE_X", "2");
        entryAt("2021-09-11T23:59:59+08:00", "甲" + tag, "FILTER_B", "TYPE_Y", "1");
        entryAt("2021-09-12T07:59:00+08:00", "丙" + tag, "FILTER_A", "TYPE_Y", "3");

        assertThat(details("actor", tag)).containsExactly("4", "3", "2", "1");
        assertThat(details("actor", tag.toLowerCase())).containsExactly("4", "3", "2", "1");
        assertThat(details("actor", "甲" + tag)).containsExactly("3", "1");
        assertThat(details("actor", "%" + tag)).isEmpty();
        assertThat(details("actor", tag, "action", "FILTER_B")).containsExactly("3", "2");
        assertThat(details("actor", tag, "targetType", "TYPE_Y")).containsExactly("4", "3");
        assertThat(details("actor", tag, "targetId", "1")).containsExactly("3", "1");
        assertThat(details("actor", tag, "from", "2021-09-11", "to", "2021-09-11")).containsExactly("3", "2");
        assertThat(details("actor", tag, "from", "2021-09-12")).containsExactly("4");
        assertThat(details("actor", tag, "to", "2021-09-10")).containsExactly("1");

        mvc.perform(get("/admin/audit").with(as(admin())).param("actor", tag).param("action", "FILTER_B"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计记录：共 2 条，第 1 页 / 共 1 页")))
                .andExpect(content().string(containsString("2021-09-11 23:59:59")))
                .andExpect(content().string(containsString("<option value=\"FILTER_B\" selected=\"selected\">")));
    }

    @Test
    void pagesHoldFiftyEntriesNewestFirstWithLinksThatKeepTheFilters() throws Exception {
        String tag = "页" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 120; i++) {
            trail.record(null, tag, null, "PAGING", "TEST", null, String.valueOf(i));
        }
        mvc.perform(get("/api/v1/admin/audit").with(as(admin())).param("actor", tag))
                .andExpect(jsonPath("$.total").value(120))
                .andExpect(jsonPath("$.pages").value(3))
                .andExpect(jsonPath("$.items.length()").value(50))
                .andExpect(jsonPath("$.items[0].detail").value("120"))
                .andExpect(jsonPath("$.items[49].detail").value("71"));
        mvc.perform(get("/api/v1/admin/audit").with(as(admin())).param("actor", tag).param("page", "3"))
                .andExpect(jsonPath("$.page").value(3))
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.items[19].detail").value("1"));

        String encoded = java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(get("/admin/audit").with(as(admin())).param("actor", tag))
                .andExpect(content().string(containsString("rel=\"next\" href=\"/admin/audit?actor=" + encoded
                        + "&amp;page=2\"")))
                .andExpect(content().string(not(containsString("rel=\"prev\""))));
        mvc.perform(get("/admin/audit").with(as(admin())).param("actor", tag).param("page", "2"))
                .andExpect(content().string(containsString("第 2 页 / 共 3 页")))
                .andExpect(content().string(containsString("rel=\"prev\" href=\"/admin/audit?actor=" + encoded
                        + "\"")))
                .andExpect(content().string(containsString("&amp;page=3\"")));
    }

    @Test
    void badDatesAreNamedOnThePageAndInTheApi() throws Exception {
        mvc.perform(get("/admin/audit").with(as(admin())).param("from", "2021-13-01").param("to", "2021-09-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("<a href=\"#from\">开始日期应按 年-月-日 填写")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("aria-describedby=\"date-hint from-error\"")))
                .andExpect(content().string(not(containsString("<caption>"))));
        mvc.perform(get("/admin/audit").with(as(admin())).param("from", "2021-09-12").param("to", "2021-09-11"))
                .andExpect(content().string(containsString("结束日期不能早于开始日期。")));
        mvc.perform(get("/api/v1/admin/audit").with(as(admin())).param("from", "15/09/2021"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("年-月-日")));
    }

    // ---- verification -----------------------------------------------------------------------------------------

    @Test
    void theVerifyButtonShowsTheResultAndIsItselfRecorded() throws Exception {
        Actor admin = admin();
        mvc.perform(post("/admin/audit/verify").with(as(admin))).andExpect(status().isForbidden());

        MvcResult done = mvc.perform(post("/admin/audit/verify").with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/audit"))
                .andExpect(flash().attributeExists("verification"))
                .andReturn();
        AuditChainVerifier.Result result = (AuditChainVerifier.Result) done.getFlashMap().get("verification");
        assertThat(result.ok()).isTrue();
        mvc.perform(get("/admin/audit").with(as(admin)).flashAttr("verification", result))
                .andExpect(content().string(containsString("role=\"status\"")))
                .andExpect(content().string(containsString("审计链完整：共校验 " + result.entriesChecked())));
        AuditEntry recorded = trail.search(new AuditFilter(null, "AUDIT_CHAIN_VERIFIED", null, null, null, null), 1)
                .items().get(0);
        assertThat(recorded.actorId()).isEqualTo(admin.accountId());
        assertThat(recorded.detail()).startsWith("Audit chain OK: ");
    }

    @Test
    void aBrokenChainIsShownWithTheEntryAndTheReason() throws Exception {
        trail.record(null, "篡改测试", null, "TAMPER_TEST", "TEST", null, "原文");
        trail.linkWaiting();
        AuditEntry target = trail.search(new AuditFilter("篡改测试", "TAMPER_TEST", null, null, null, null), 1)
                .items().get(0);
        jdbc.sql("update audit_entry set detail = '改过' where id = ?").param(target.id()).update();
        try {
            MvcResult done = mvc.perform(post("/admin/audit/verify").with(csrf()).with(as(admin())))
                    .andExpect(status().is3xxRedirection()).andReturn();
            AuditChainVerifier.Result result = (AuditChainVerifier.Result) done.getFlashMap().get("verification");
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenEntryId()).isEqualTo(target.id());
            mvc.perform(get("/admin/audit").with(as(admin())).flashAttr("verification", result))
                    .andExpect(content().string(containsString("role=\"alert\"")))
                    .andExpect(content().string(containsString("问题出在编号为 " + target.id() + " 的记录")))
                    .andExpect(content().string(containsString("记录在写入后被改动过")));
            mvc.perform(post("/api/v1/admin/audit/verify").with(csrf()).with(as(admin())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.firstBrokenEntryId").value(target.id()))
                    .andExpect(jsonPath("$.problem").value("HASH_MISMATCH"));
        } finally {
            jdbc.sql("update audit_entry set detail = '原文' where id = ?").param(target.id()).update();
        }
        mvc.perform(post("/api/v1/admin/audit/verify").with(csrf()).with(as(admin())))
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.line").value(containsString("Audit chain OK: ")));
    }

    private Actor admin() {
        return TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    private void entryAt(String time, String actor, String action, String type, String id) {
        clock.set(time);
        String n = String.valueOf(trail.search(new AuditFilter(actor.substring(1), null, null, null, null, null), 1)
                .total() + 1);
        trail.record(null, actor, null, action, type, id, n);
    }

    private List<String> details(String... params) throws Exception {
        var request = get("/api/v1/admin/audit").with(as(admin()));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String json = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return com.jayway.jsonpath.JsonPath.read(json, "$.items[*].detail");
    }
}
