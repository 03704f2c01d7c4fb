package cn.sciday.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Preferences;

import tools.jackson.databind.ObjectMapper;

/**
 * Activity form errors and refused transitions in both languages: Chinese by default, English with
 * {@code Accept-Language: en} (API) or the cookie {@code sciday-lang=en} (pages); the API gives each message's key.
 */
@IntegrationTest
class ActivityErrorLanguageIntegrationTests {

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
    void theApiNamesFormErrorsByKeyInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/activities").with(TestLogins.as(cast.owner())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value("activity.name.required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("请填写活动名称。"));
        mvc.perform(post("/api/v1/activities").with(TestLogins.as(cast.owner())).with(csrf())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value("activity.name.required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("Enter the activity name."));

        ActivityForm f = fixtures.form("时间颠倒");
        ActivityForm reversed = new ActivityForm(f.name(), f.jointAction(), f.themes(), f.coOrganizers(), f.format(),
                f.endsAt(), f.startsAt(), f.divisionId(), f.venue(), f.onlineUrl(), f.audiences(),
                f.expectedParticipants(), f.signupOpen(), f.capacity(), f.keyActivity(), f.summary(), f.description(),
                f.contactName(), f.contactPhone());
        mvc.perform(post("/api/v1/activities").with(TestLogins.as(cast.owner())).with(csrf())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(reversed)))
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
}
