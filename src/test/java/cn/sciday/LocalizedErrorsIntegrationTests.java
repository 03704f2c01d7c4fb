package cn.sciday;

import static cn.sciday.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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

    static final String PASSWORD = "Good-password-1";
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

    /** A unit registers with a credit code whose check digit is wrong: the form says so in the visitor's language. */
    @Test
    void registeringAUnitWithAWrongCreditCode() throws Exception {
        mvc.perform(register("91350100M000100Y44"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统一社会信用代码应为18位，且最后一位校验码要正确")));
        mvc.perform(register("91350100M000100Y44").cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "The unified social credit code has 18 characters and its last character is a check digit")))
                .andExpect(content().string(not(containsString("校验码"))));
    }

    private MockHttpServletRequestBuilder register(String creditCode) {
        long parent = organizations.divisions().get(1).id();
        return post("/register").with(csrf()).param("name", "江海区某幼儿园").param("unitType", "SCHOOL")
                .param("creditCode", creditCode).param("parentId", String.valueOf(parent))
                .param("contactName", "李园长").param("contactPhone", "0750-3861111")
                .param("username", "i18n" + System.nanoTime()).param("displayName", "李园长")
                .param("password", PASSWORD).param("confirm", PASSWORD);
    }
}
