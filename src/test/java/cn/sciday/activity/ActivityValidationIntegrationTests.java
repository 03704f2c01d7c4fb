package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Preferences;

import tools.jackson.databind.ObjectMapper;

/**
 * Validation messages name the field and say what is wrong, by API and on the form page: Chinese by default, English
 * with {@code Accept-Language: en} (API) or the cookie {@code sciday-lang=en} (pages); the API gives each message's
 * key. Refused transitions too.
 */
@IntegrationTest
class ActivityValidationIntegrationTests {

    static final Cookie ENGLISH = new Cookie(Preferences.LANGUAGE_COOKIE, "en");

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    ObjectMapper json;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @Test
    void anEmptyProposalListsEveryMissingFieldByName() throws Exception {
        mvc.perform(proposal("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("请填写活动名称。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'themes')].message").value("活动主题至少选择一项。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'format')].message").value("请选择活动形式：线下、线上或线上+线下。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'startsAt')].message").value("请填写开始时间。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'audiences')].message").value("面向对象至少选择一项。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'summary')].message").value("请填写活动简介。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'contactPhone')].message").value("请填写联系电话。"));
    }

    @Test
    void crossFieldProblemsNameTheirFields() throws Exception {
        ActivityForm bad = new ActivityForm("节水知识讲座", 13, List.of(2, 9), null, ActivityFormat.BOTH,
                LocalDateTime.parse("2021-09-01T09:00"), LocalDateTime.parse("2021-12-11T10:00"), null, " ",
                "ftp://example.cn/live", Set.of(Audience.YOUTH), 100, true, null, false, "简介".repeat(101),
                "介绍", "张老师", "电话号码");

        mvc.perform(proposal(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'summary')].message").value("活动简介不能超过200个字。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'contactPhone')].message",
                        Matchers.contains(Matchers.startsWith("联系电话只能包含数字"))));

        ActivityForm crossOnly = new ActivityForm("节水知识讲座", 13, List.of(2, 9), null, ActivityFormat.BOTH,
                LocalDateTime.parse("2021-09-01T09:00"), LocalDateTime.parse("2021-12-11T10:00"), null, " ",
                "ftp://example.cn/live", Set.of(Audience.YOUTH), 100, true, null, false, "简介", "介绍", "张老师",
                "0750-3000000");
        mvc.perform(proposal(json.writeValueAsString(crossOnly)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'jointAction')].message")
                        .value("所属联合行动“13”不在本次活动方案的十二项联合行动中。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'themes')].message")
                        .value("活动主题“9”不在本次活动方案的六项活动内容中。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'startsAt')].message")
                        .value("开始时间必须在活动期间（2021年9月11日 – 2021年12月10日）内。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'endsAt')].message")
                        .value("结束时间必须在活动期间（2021年9月11日 – 2021年12月10日）内。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'divisionId')].message").value("线下活动请选择所在市（区）。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'venue')].message").value("线下活动请填写活动地点（详细地址）。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'onlineUrl')].message",
                        Matchers.contains(Matchers.startsWith("线上活动网址应以 http:// 或 https:// 开头"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'capacity')].message").value("开放公众报名时请填写报名名额。"));
    }

    @Test
    void endBeforeStartIsNamed() throws Exception {
        ActivityForm f = fixtures.form("时间颠倒");
        ActivityForm reversed = new ActivityForm(f.name(), f.jointAction(), f.themes(), f.coOrganizers(), f.format(),
                f.endsAt(), f.startsAt(), f.divisionId(), f.venue(), f.onlineUrl(), f.audiences(),
                f.expectedParticipants(), f.signupOpen(), f.capacity(), f.keyActivity(), f.summary(), f.description(),
                f.contactName(), f.contactPhone());
        mvc.perform(proposal(json.writeValueAsString(reversed)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'endsAt')].message").value("结束时间必须晚于开始时间。"));
    }

    @Test
    void theFormPageShowsAnErrorSummaryLinkingToTheFieldsAndKeepsWhatWasTyped() throws Exception {
        String page = mvc.perform(post("/my/activities/new").with(TestLogins.as(cast.owner())).with(csrf())
                        .param("name", "科学实验开放日").param("format", "OFFLINE")
                        .param("startsAt", "2021-10-10T09:00").param("endsAt", "2021-10-10T11:00")
                        .param("expectedParticipants", "很多").param("themes", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"error-summary\"")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"#venue\"").contains("线下活动请填写活动地点（详细地址）。")
                .contains("href=\"#audiences-YOUTH\"").contains("面向对象至少选择一项。")
                .contains("href=\"#expectedParticipants\"").contains("预计参与人数的格式不对，请重新填写。")
                .contains("href=\"#divisionId\"").contains("aria-invalid=\"true\"")
                .contains("value=\"科学实验开放日\"").contains("value=\"2021-10-10T09:00\"");
    }

    @Test
    void aValidFormPageCreatesADraftAndRedirectsToIt() throws Exception {
        String location = mvc.perform(post("/my/activities/new").with(TestLogins.as(cast.owner())).with(csrf())
                        .param("name", "页面新建的活动").param("jointAction", "").param("themes", "1", "3")
                        .param("format", "OFFLINE").param("startsAt", "2021-10-10T09:00")
                        .param("endsAt", "2021-10-10T11:00").param("divisionId",
                                String.valueOf(fixtures.division("江海区").id()))
                        .param("venue", "江海区文化中心").param("audiences", "ELDERLY", "RESIDENTS")
                        .param("expectedParticipants", "80").param("summary", "长者智能手机课堂")
                        .param("description", "教长者使用智能手机。").param("contactName", "黄主任")
                        .param("contactPhone", "0750-3730112"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ActivityView created = activities.get(cast.owner(), id);
        assertThat(created.status()).isEqualTo(ActivityStatus.DRAFT);
        assertThat(created.jointAction()).isNull();
        assertThat(created.themes()).containsExactly(1, 3);
        assertThat(created.audiences()).containsExactly(Audience.ELDERLY, Audience.RESIDENTS);
        assertThat(created.signupOpen()).isFalse();
        assertThat(created.organizationId()).isEqualTo(cast.unit().id());
        assertThat(created.reviewLevel()).isEqualTo(ReviewLevel.COORDINATOR);
    }

    @Test
    void theApiNamesFormErrorsByKeyInTheCallersLanguage() throws Exception {
        mvc.perform(proposal("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value("activity.name.required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("请填写活动名称。"));
        mvc.perform(proposal("{}").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value("activity.name.required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("Enter the activity name."));

        ActivityForm f = fixtures.form("时间颠倒");
        ActivityForm reversed = new ActivityForm(f.name(), f.jointAction(), f.themes(), f.coOrganizers(), f.format(),
                f.endsAt(), f.startsAt(), f.divisionId(), f.venue(), f.onlineUrl(), f.audiences(),
                f.expectedParticipants(), f.signupOpen(), f.capacity(), f.keyActivity(), f.summary(), f.description(),
                f.contactName(), f.contactPhone());
        mvc.perform(proposal(json.writeValueAsString(reversed)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("activity.endsAt.beforeStart"))
                .andExpect(jsonPath("$.errors[0].message").value("The end must be after the start."));
    }

    @Test
    void theFormPageShowsItsErrorsInTheChosenLanguage() throws Exception {
        mvc.perform(post("/my/activities/new").with(TestLogins.as(cast.owner())).with(csrf()).cookie(ENGLISH)
                        .param("name", "科学实验开放日").param("format", "OFFLINE")
                        .param("startsAt", "2021-10-10T09:00").param("endsAt", "2021-10-10T11:00").param("themes", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("For an activity in person, enter the venue address.")))
                .andExpect(content().string(not(containsString("线下活动请填写活动地点"))));
        mvc.perform(post("/my/activities/new").with(TestLogins.as(cast.owner())).with(csrf())
                        .param("name", "科学实验开放日").param("format", "OFFLINE")
                        .param("startsAt", "2021-10-10T09:00").param("endsAt", "2021-10-10T11:00").param("themes", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("线下活动请填写活动地点（详细地址）。")));
    }

    /** A refused transition names the state and the action, each in the reader's language. */
    @Test
    void aRefusedTransitionNamesStateAndActionInTheCallersLanguage() throws Exception {
        long id = activities.create(cast.owner(), fixtures.form("尚未提交的活动")).id();
        mvc.perform(post("/api/v1/activities/" + id + "/endorse").with(TestLogins.as(cast.coordinator())).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("activity.conflict.state"))
                .andExpect(jsonPath("$.detail").value("该活动现在的状态是“草稿”，不能审核推荐。"));
        mvc.perform(post("/api/v1/activities/" + id + "/endorse").with(TestLogins.as(cast.coordinator())).with(csrf())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This activity is \"Draft\", so you cannot endorse it now."));
    }

    /** An activity proposal posted through the API by the unit's organizer. */
    private MockHttpServletRequestBuilder proposal(String body) {
        return post("/api/v1/activities").with(TestLogins.as(cast.owner())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
