package cn.sciday.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Role;

/** Logins, throttling, session fixation, CSRF, API tokens and mobile codes, through the real security chain. */
@IntegrationTest
class AccountSecurityIntegrationTests {

    static final String PASSWORD = "Good-password-1";
    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    cn.sciday.RecordingSmsSender sms;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void staffLogInWithANewSessionIdAndLandOnTheirWorkbench() throws Exception {
        String user = coordinator("江海区");
        // a session that exists before the login (one an attacker could have planted) does not survive it
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/login").session(session)).andExpect(status().isOk());
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login").session(session).with(csrf()).param("username", user)
                .param("password", PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/workbench");
        MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).as("session fixation protection").isNotEqualTo(before);
        mvc.perform(get("/workbench").session(after)).andExpect(status().isOk())
                .andExpect(content().string(containsString("归口单位管理员")));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws Exception {
        String user = coordinator("新会区");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user).password("wrong-password-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized()).andExpect(content().string(containsString("锁定")));
        assertThat(accounts.findStaff(user).orElseThrow().locked()).isTrue();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(redirectedUrl("/workbench"));
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() throws Exception {
        String user = coordinator("江海区");
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(user).password("nope-nope-" + i));
        }
        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(redirectedUrl("/workbench"));
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(user).password("nope-nope-" + i));
        }
        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(redirectedUrl("/workbench"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "x"))
                .andExpect(status().isForbidden());
        String user = coordinator("江海区");
        MockHttpSession session = login(user);
        mvc.perform(post("/profile/tokens").session(session).param("label", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/profile/tokens").session(session).param("label", "x").with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndApiCallersGet401() throws Exception {
        mvc.perform(get("/workbench")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/units")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/units")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/register")).andExpect(status().isOk());
    }

    @Test
    void apiTokensWorkUntilRevokedOrExpired() throws Exception {
        String user = coordinator("江海区");
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"wrong-one-1\"}"))
                .andExpect(status().isUnauthorized());
        String token = staffToken(user);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(user)).andExpect(jsonPath("$.role").value("COORDINATOR"));
        mvc.perform(get("/api/v1/units").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        clock.advance(Duration.ofDays(31));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        clock.reset();

        String second = staffToken(user);
        long id = tokenIdOf(second, user);
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + second))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sd_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokensLastUseIsWrittenInTheBackgroundAndNeverMovesBack() throws Exception {
        String user = coordinator("江海区");
        String token = staffToken(user);
        long id = tokenIdOf(token, user);
        stamps.flush();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed(id)).as("the request itself writes nothing").isNull();
        assertThat(stamps.flush()).isEqualTo(1);
        java.time.Instant first = lastUsed(id);
        assertThat(first).isEqualTo(clock.instant());

        // within the minute no new stamp; a minute later one, and an older stamp never overwrites a newer one
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(stamps.flush()).isZero();
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(stamps.flush()).isEqualTo(1);
        assertThat(lastUsed(id)).isEqualTo(clock.instant());
        stamps.used(id, first.minusSeconds(3600));   // e.g. another instance's stamp, written late
        assertThat(stamps.flush()).isEqualTo(1);
        assertThat(lastUsed(id)).isEqualTo(clock.instant());
        clock.reset();
    }

    java.time.Instant lastUsed(long tokenId) {
        return tokens.of(accounts.findStaff(jdbc.sql("select a.username from account a join api_token t"
                + " on t.account_id = a.id where t.id = ?").param(tokenId).query(String.class).single())
                .orElseThrow().id()).stream().filter(t -> t.id() == tokenId).findFirst().orElseThrow().lastUsedAt();
    }

    @Autowired
    TokenUseStamps stamps;

    @Test
    void aTokenCannotBeRevokedByAnotherAccount() throws Exception {
        String owner = coordinator("江海区");
        String other = coordinator("新会区");
        String ownerToken = staffToken(owner);
        long id = tokenIdOf(ownerToken, owner);
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + staffToken(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + ownerToken)).andExpect(status().isOk());
    }

    @Test
    void publicUsersLogInWithAMobileCode() throws Exception {
        String mobile = "1390000" + String.format("%04d", SERIAL.incrementAndGet());
        mvc.perform(post("/api/v1/public/verification-codes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.expiresInSeconds").value(300));
        String code = sms.lastCode(mobile).orElseThrow();
        mvc.perform(post("/api/v1/public/verification-codes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        MvcResult ok = mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + code + "\"}"))
                .andExpect(status().isCreated()).andReturn();
        String token = JsonPath.read(ok.getResponse().getContentAsString(), "$.token");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.role").value("PUBLIC"))
                .andExpect(jsonPath("$.displayName").value(mobile.substring(0, 3) + "****" + mobile.substring(7)));
        // a used code does not work twice
        mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + code + "\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCodeAllowsFiveTriesAndLastsFiveMinutes() throws Exception {
        String mobile = "1370000" + String.format("%04d", SERIAL.incrementAndGet());
        sendCode(mobile);
        String code = sms.lastCode(mobile).orElseThrow();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + wrong + "\"}"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + code + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("次数过多")));

        clock.advance(Duration.ofSeconds(61));
        sendCode(mobile);
        String fresh = sms.lastCode(mobile).orElseThrow();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + fresh + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("过期")));
    }

    @Test
    void publicLoginThroughThePages() throws Exception {
        String mobile = "1360000" + String.format("%04d", SERIAL.incrementAndGet());
        MockHttpSession anonymous = new MockHttpSession();
        mvc.perform(post("/login/code").session(anonymous).param("mobile", mobile).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String before = anonymous.getId();
        String code = sms.lastCode(mobile).orElseThrow();
        MvcResult result = mvc.perform(post("/login/mobile").session(anonymous).param("mobile", mobile)
                .param("code", code).with(csrf())).andExpect(redirectedUrl("/workbench")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(session.getId()).as("session fixation protection for code logins").isNotEqualTo(before);
        mvc.perform(get("/workbench").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("市民")));
        mvc.perform(get("/units").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/login/code").param("mobile", "12345").with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aPendingOrganizerCanLogInAndDoNothingElseUntilApproved() throws Exception {
        OrganizationView unit = organizations.registerUnit(unitForm("待审核的学校", "江海区"));
        String user = "org" + SERIAL.incrementAndGet();
        accounts.createStaff(user, PASSWORD, "王老师", null, Role.ORGANIZER, unit.id());
        MockHttpSession session = login(user);
        mvc.perform(get("/workbench").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("等待江海区审核")));
        mvc.perform(get("/api/v1/units/" + unit.id()).session(session)).andExpect(status().isForbidden());

        organizations.approve(new cn.sciday.web.Actor(0, "t", "t", Role.CITY_ADMIN, organizations.city().id(),
                true), unit.id());
        mvc.perform(get("/api/v1/units/" + unit.id()).session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void registrationCreatesAPendingUnitAndItsOrganizerOrNothing() throws Exception {
        String user = "reg" + SERIAL.incrementAndGet();
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        mvc.perform(post("/register").with(csrf()).param("name", "江海区某幼儿园").param("unitType", "SCHOOL")
                .param("creditCode", "91350100M000100Y44").param("parentId", String.valueOf(jianghai))
                .param("contactName", "李园长").param("contactPhone", "0750-3861111").param("username", user)
                .param("displayName", "李园长").param("password", PASSWORD).param("confirm", PASSWORD))
                .andExpect(status().isOk()).andExpect(content().string(containsString("校验码")));
        assertThat(accounts.findStaff(user)).isEmpty();

        String code = CreditCode.complete("52440704MD0" + String.format("%06d", SERIAL.incrementAndGet()));
        mvc.perform(post("/register").with(csrf()).param("name", "江海区某幼儿园").param("unitType", "SCHOOL")
                .param("creditCode", code).param("parentId", String.valueOf(jianghai))
                .param("contactName", "李园长").param("contactPhone", "0750-3861111").param("username", user)
                .param("displayName", "李园长").param("password", PASSWORD).param("confirm", "other-password-1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不一致")));
        assertThat(accounts.findStaff(user)).isEmpty();

        mvc.perform(post("/register").with(csrf()).param("name", "江海区某幼儿园").param("unitType", "SCHOOL")
                .param("creditCode", code).param("parentId", String.valueOf(jianghai))
                .param("contactName", "李园长").param("contactPhone", "0750-3861111").param("username", user)
                .param("displayName", "李园长").param("password", PASSWORD).param("confirm", PASSWORD))
                .andExpect(redirectedUrl("/login"));
        StaffAccount created = accounts.findStaff(user).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.ORGANIZER);
        assertThat(organizations.get(created.organizationId()).status().name()).isEqualTo("PENDING");
    }

    /** Boundaries with the fixed clock: 6 digits; a new code after 60 s, not 59; the fifth try may still be right; 5 minutes. */
    @Test
    void codeRulesHoldAtTheirBoundaries() throws Exception {
        String mobile = "1350000" + String.format("%04d", SERIAL.incrementAndGet());
        sendCode(mobile);
        assertThat(sms.lastCode(mobile).orElseThrow()).matches("[0-9]{6}");
        assertThat(sms.to(mobile).get(0).text()).matches(".*[^0-9][0-9]{6}[^0-9].*");
        clock.advance(Duration.ofSeconds(59));
        mvc.perform(codeRequest(mobile)).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"));
        clock.advance(Duration.ofSeconds(1));
        sendCode(mobile);
        String code = sms.lastCode(mobile).orElseThrow();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            mvc.perform(tokenRequest(mobile, wrong)).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("还可以再试" + left + "次")));
        }
        mvc.perform(tokenRequest(mobile, code)).andExpect(status().isCreated());

        String early = "1350000" + String.format("%04d", SERIAL.incrementAndGet());
        sendCode(early);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        mvc.perform(tokenRequest(early, sms.lastCode(early).orElseThrow())).andExpect(status().isCreated());

        String late = "1350000" + String.format("%04d", SERIAL.incrementAndGet());
        sendCode(late);
        clock.advance(Duration.ofMinutes(5));
        mvc.perform(tokenRequest(late, sms.lastCode(late).orElseThrow())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("过期")));
    }

    @Test
    void passwordsAreStoredOnlyAsBcryptHashes() {
        String user = coordinator("江海区");
        String stored = jdbc.sql("select password_hash from account where username = ?").param(user)
                .query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, stored)).isTrue();
        assertThat(encoder.matches(PASSWORD + "x", stored)).isFalse();
    }

    /** A session and a token give the same access to the API; with a session, changes need the CSRF token. */
    @Test
    void theApiTakesTheBrowserSessionWithTheRulesOfAToken() throws Exception {
        String user = coordinator("江海区");
        MockHttpSession session = login(user);
        String token = staffToken(user);
        long ownUnit = organizations.registerUnit(unitForm("会话测试学校", "江海区")).id();
        long otherUnit = organizations.registerUnit(unitForm("会话测试他区学校", "新会区")).id();
        for (java.util.function.UnaryOperator<MockHttpServletRequestBuilder> as : List.<java.util.function
                .UnaryOperator<MockHttpServletRequestBuilder>>of(r -> r.session(session),
                        r -> r.header("Authorization", "Bearer " + token))) {
            mvc.perform(as.apply(get("/api/v1/units/" + ownUnit))).andExpect(status().isOk());
            mvc.perform(as.apply(get("/api/v1/units/" + otherUnit))).andExpect(status().isNotFound());
            mvc.perform(as.apply(get("/api/v1/admin/accounts"))).andExpect(status().isForbidden());
            mvc.perform(as.apply(post("/api/v1/units/" + otherUnit + "/approve").with(csrf())))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/units/" + ownUnit + "/approve").session(session))
                .andExpect(status().isForbidden());
        assertThat(organizations.get(ownUnit).status().name()).isEqualTo("PENDING");
        mvc.perform(post("/api/v1/units/" + ownUnit + "/approve").session(session).with(csrf().asHeader()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        long another = organizations.registerUnit(unitForm("令牌测试学校", "江海区")).id();
        mvc.perform(post("/api/v1/units/" + another + "/approve").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    /** The coordinator rejects with a reason; the unit's organizer reads it on the workbench and asks again. */
    @Test
    void aRejectedUnitsOrganizerSeesTheReasonAndAsksAgain() throws Exception {
        OrganizationView unit = organizations.registerUnit(unitForm("被退回的学校", "江海区"));
        String organizer = "org" + SERIAL.incrementAndGet();
        accounts.createStaff(organizer, PASSWORD, "刘老师", null, Role.ORGANIZER, unit.id());
        MockHttpSession coordinator = login(coordinator("江海区"));
        mvc.perform(post("/units/" + unit.id() + "/reject").session(coordinator).with(csrf())
                .param("reason", "信用代码与登记证书不一致，请核对")).andExpect(status().is3xxRedirection());

        MockHttpSession session = login(organizer);
        mvc.perform(get("/workbench").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("江海区未通过您的单位注册")))
                .andExpect(content().string(containsString("信用代码与登记证书不一致，请核对")));
        mvc.perform(get("/my/activities").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/workbench/unit/resubmit").session(session).with(csrf()).param("contactName", "刘老师")
                .param("contactPhone", "0750-3869999")).andExpect(redirectedUrl("/workbench"));
        mvc.perform(get("/workbench").session(session))
                .andExpect(content().string(containsString("正在等待江海区审核")));
        assertThat(organizations.get(unit.id()).contactPhone()).isEqualTo("0750-3869999");
    }

    /** This context runs outside demo mode: none of the demo accounts exists, and the login page lists none. */
    @Test
    void outsideDemoModeThereAreNoDemoAccounts() throws Exception {
        for (String demo : List.of("admin", "jianghai", "xinhui", "jh-school", "xh-museum", "jh-community")) {
            assertThat(accounts.findStaff(demo)).as(demo).isEmpty();
        }
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("sciday-demo"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<td>jh-school</td>"))));
    }

    @Test
    void passwordsMustFollowThePolicy() {
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.createStaff("shorty", "abc12",
                "x", null, Role.COORDINATOR, jianghai)).hasMessageContaining("10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.createStaff("digits", "1234567890123",
                "x", null, Role.COORDINATOR, jianghai)).hasMessageContaining("字母");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.createStaff("wrongrole", PASSWORD,
                "x", null, Role.ORGANIZER, jianghai)).hasMessageContaining("角色");
    }

    // ---- helpers ----

    String coordinator(String division) {
        return coordinator(accounts, organizations, division);
    }

    /** A new coordinator of the division, with the password {@link #PASSWORD}; returns the user name. */
    static String coordinator(Accounts accounts, Organizations organizations, String division) {
        String user = "coord" + SERIAL.incrementAndGet();
        accounts.createStaff(user, PASSWORD, "协调员", null, Role.COORDINATOR,
                organizations.findByName(division).orElseThrow().id());
        return user;
    }

    MockHttpSession login(String user) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(user).password(PASSWORD))
                .andExpect(redirectedUrl("/workbench")).andReturn();
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    String staffToken(String user) throws Exception {
        return staffToken(mvc, user);
    }

    /** A new API token of a staff account created by {@link #coordinator}. */
    static String staffToken(MockMvc mvc, String user) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isCreated()).andReturn();
        return JsonPath.read(r.getResponse().getContentAsString(), "$.token");
    }

    long tokenIdOf(String token, String user) {
        return accounts.findStaff(user).map(a -> a.id()).map(id -> tokens.of(id).stream()
                .filter(t -> t.revokedAt() == null).mapToLong(ApiTokenInfo::id).max().orElseThrow())
                .orElseThrow();
    }

    @Autowired
    ApiTokens tokens;

    void sendCode(String mobile) throws Exception {
        mvc.perform(codeRequest(mobile)).andExpect(status().isAccepted());
    }

    static MockHttpServletRequestBuilder codeRequest(String mobile) {
        return post("/api/v1/public/verification-codes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}");
    }

    static MockHttpServletRequestBuilder tokenRequest(String mobile, String code) {
        return post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + code + "\"}");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    UnitRegistration unitForm(String name, String division) {
        return new UnitRegistration(name, UnitType.SCHOOL,
                CreditCode.complete("52440704ME0" + String.format("%06d", SERIAL.incrementAndGet())), "联系人",
                "0750-3861234", null, organizations.findByName(division).orElseThrow().id());
    }
}
