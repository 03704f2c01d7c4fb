package cn.sciday;

import static cn.sciday.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.account.Accounts;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SignupForm;
import cn.sciday.signup.Ticket;
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
    static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);
    static final Cookie ENGLISH = new Cookie(Preferences.LANGUAGE_COOKIE, "en");

    @Autowired
    MockMvc mvc;
    @Autowired
    CampaignManagement campaigns;
    @Autowired
    Organizations organizations;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;

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

    /** The password policy, as the city admin's account API reports it. */
    @Test
    void aPasswordWithoutDigitsOrSymbols() throws Exception {
        String body = "{\"username\":\"i18n" + System.nanoTime() % 1_000_000 + "\",\"displayName\":\"张干事\","
                + "\"role\":\"COORDINATOR\",\"organizationId\":" + organizations.divisions().get(1).id() + ","
                + "\"password\":\"onlyletterspassword\"}";
        mvc.perform(post("/api/v1/admin/accounts").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(csrf()).with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("account.error.passwordWeak"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("密码需要同时包含字母和数字或符号。"));
        mvc.perform(post("/api/v1/admin/accounts").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8").with(csrf()).with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("account.error.passwordWeak"))
                .andExpect(jsonPath("$.errors[0].message").value("The password needs letters and also digits or symbols."));
    }

    /** A code that was never sent (API), then a wrong code with the tries left as an argument (API and login page). */
    @Test
    void verificationCodeErrors() throws Exception {
        String mobile = "1385" + String.format("%07d", System.nanoTime() % 10_000_000);
        String never = "{\"mobile\":\"" + mobile + "\",\"code\":\"123456\"}";
        mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON).content(never))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("account.error.codeExpired"))
                .andExpect(jsonPath("$.errors[0].message").value("验证码已过期或尚未获取，请重新获取验证码。"));
        mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON).content(never)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The code has expired or was never requested. Request a new code."));

        mvc.perform(post("/api/v1/public/verification-codes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}")).andExpect(status().isAccepted());
        String code = sms.lastCode(mobile).orElseThrow();
        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + wrong + "\"}"))
                .andExpect(jsonPath("$.code").value("account.error.codeWrong"))
                .andExpect(jsonPath("$.errors[0].message").value("验证码不正确，还可以再试4次。"));
        mvc.perform(post("/login/mobile").param("mobile", mobile).param("code", wrong).cookie(ENGLISH).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("codeError", "The code is incorrect. Tries left: 3."));
    }

    /** Refusals written outside the error advice: a bad bearer token (a filter) and a wrong password (token API). */
    @Test
    void aBadTokenAndAWrongPasswordInTheApi() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sd_nonsense"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("account.error.tokenInvalid"))
                .andExpect(jsonPath("$.detail").value("令牌无效、已过期或已被撤销，请重新获取。"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sd_nonsense")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.detail").value("The token is invalid, has expired or has been revoked. Get a new one."));
        String wrong = "{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"wrong-password-1\"}";
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content(wrong)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("account.error.badCredentials"))
                .andExpect(jsonPath("$.detail").value("The username or password is incorrect."));
    }

    /** Signing up twice (API and page) and checking a ticket in twice (API, with the name, date and time). */
    @Test
    void signUpConflicts() throws Exception {
        long parent = organizations.divisions().get(1).id();
        long n = SERIAL.incrementAndGet();
        long unit = organizations.createApprovedUnit(new UnitRegistration("语言测试单位" + n, UnitType.SCHOOL,
                CreditCode.complete("12440704ML" + String.format("%07d", n)), "联系人", "0750-3861234", null,
                parent)).id();
        long activity = 880_000 + n;
        registrations.openSlot(activity, unit, "语言测试活动", 5, false, true,
                Instant.parse("2021-09-30T01:00:00Z"), Instant.parse("2021-09-30T04:00:00Z"));
        Actor citizen = accounts.publicUser("1387" + String.format("%07d", n));
        Ticket ticket = registrations.register(citizen, activity, new SignupForm("陈奶奶", null));

        String url = "/api/v1/activities/" + activity + "/registrations";
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"陈奶奶\"}")
                        .with(csrf()).with(as(citizen)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("signup.error.alreadyRegistered"))
                .andExpect(jsonPath("$.detail").value("您已报名该活动，不需要重复报名。"));
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"陈奶奶\"}")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(csrf()).with(as(citizen)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("You have already signed up for this activity; there is no need to sign up again."));
        mvc.perform(post("/activities/" + activity + "/signup").param("name", "陈奶奶").cookie(ENGLISH)
                        .with(csrf()).with(as(citizen)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error",
                        "You have already signed up for this activity; there is no need to sign up again."));

        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit);
        String checkIn = "/api/v1/activities/" + activity + "/check-ins";
        String code = "{\"code\":\"" + ticket.code() + "\"}";
        mvc.perform(post(checkIn).contentType(MediaType.APPLICATION_JSON).content(code).with(csrf()).with(as(organizer)))
                .andExpect(status().isOk());
        mvc.perform(post(checkIn).contentType(MediaType.APPLICATION_JSON).content(code).with(csrf()).with(as(organizer)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("signup.error.alreadyCheckedIn"))
                .andExpect(jsonPath("$.detail").value(matchesPattern("陈奶奶已于\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d签到，请勿重复签到。")));
        mvc.perform(post(checkIn).contentType(MediaType.APPLICATION_JSON).content(code)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(csrf()).with(as(organizer)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(matchesPattern(
                        "陈奶奶 already checked in on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d\\. Do not check in twice\\.")));
    }

    /** The audit search's date errors (keys the audit module already had) now reach the API by key too. */
    @Test
    void anAuditSearchWithABadDate() throws Exception {
        mvc.perform(get("/api/v1/admin/audit").param("from", "9月15日").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("audit.error.from"))
                .andExpect(jsonPath("$.errors[0].message").value("开始日期应按 年-月-日 填写，例如 2021-09-15。"));
        mvc.perform(get("/api/v1/admin/audit").param("from", "9月15日").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Enter the from date as year-month-day, for example 2021-09-15."));
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
