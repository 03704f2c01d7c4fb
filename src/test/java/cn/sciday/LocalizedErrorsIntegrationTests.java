package cn.sciday;

import static cn.sciday.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Preferences;
import cn.sciday.web.Role;

/**
 * Representative errors of each module in both languages: Chinese by default, English with the cookie
 * {@code sciday-lang=en} (pages and API) or {@code Accept-Language: en} (API), with the message's key as {@code code}.
 * Nothing here changes data: every request is refused.
 */
@IntegrationTest
class LocalizedErrorsIntegrationTests {

    static final Cookie ENGLISH = new Cookie(Preferences.LANGUAGE_COOKIE, "en");

    @Autowired
    MockMvc mvc;
    @Autowired
    CampaignManagement campaigns;
    @Autowired
    Organizations organizations;

    Actor admin() {
        return TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    @Test
    void campaignCloneToAnEarlierYear() throws Exception {
        var current = campaigns.requireCurrent();
        String url = "/api/v1/admin/campaigns/" + current.id() + "/clone";
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"year\":2019}")
                        .with(csrf()).with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("campaign.error.yearNotLater"))
                .andExpect(jsonPath("$.errors[0].message").value("新方案的年份必须晚于 " + current.year() + " 年。"));
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"year\":2019}")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(csrf()).with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("campaign.error.yearNotLater"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The year of the new plan must be later than " + current.year() + "."));
    }
}
