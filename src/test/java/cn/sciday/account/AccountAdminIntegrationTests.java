package cn.sciday.account;

import static cn.sciday.TestLogins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** The city admin's pages and API for staff accounts. New accounts would show in other tests' lists. */
@IntegrationTest
@DirtiesContext
class AccountAdminIntegrationTests {

    private static final String PASSWORD = "Kepu-2021-start";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;

    long city;
    long jianghai;
    long education;
    Actor admin;
    Actor coordinator;
    Actor organizer;

    @BeforeEach
    void setUp() {
        city = organizations.city().id();
        jianghai = organizations.findByName("江海区").orElseThrow().id();
        education = organizations.findByName("市教育局").orElseThrow().id();
        StaffAccount me = accounts.createStaff(name("admin"), PASSWORD, "市科协 管理员", null, Role.CITY_ADMIN, city);
        admin = new Actor(me.id(), me.username(), me.displayName(), Role.CITY_ADMIN, city, true);
        coordinator = TestLogins.actor(Role.COORDINATOR, jianghai);
        organizer = TestLogins.actor(Role.ORGANIZER, jianghai);
    }

    @Test
    void onlyCityAdminsReachThePagesAndTheApi() throws Exception {
        StaffAccount other = accounts.createStaff(name("coord"), PASSWORD, "江海区 工作人员", null, Role.COORDINATOR,
                jianghai);
        for (String url : List.of("/admin/accounts", "/admin/accounts/new")) {
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
        for (MockHttpServletRequestBuilder page : List.of(newAccount("intruder1", "COORDINATOR", jianghai),
                post("/admin/accounts/" + other.id() + "/enabled").param("enabled", "false"))) {
            mvc.perform(page.with(csrf())).andExpect(redirectedUrl("/login"));
            mvc.perform(page.with(csrf()).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(page.with(csrf()).with(as(coordinator))).andExpect(status().isForbidden());
        }
        for (String url : List.of("/api/v1/admin/accounts", "/api/v1/admin/accounts/" + other.id())) {
            mvc.perform(get(url)).andExpect(status().isUnauthorized());
            mvc.perform(get(url).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(as(coordinator))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(as(admin))).andExpect(status().isOk());
        }
        for (MockHttpServletRequestBuilder api : List.of(
                json(post("/api/v1/admin/accounts"), accountJson("intruder2", "COORDINATOR", jianghai)),
                json(put("/api/v1/admin/accounts/" + other.id() + "/enabled"), "{\"enabled\":false}"))) {
            mvc.perform(api.with(csrf())).andExpect(status().isUnauthorized());
            mvc.perform(api.with(csrf()).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(api.with(csrf()).with(as(coordinator))).andExpect(status().isForbidden());
        }
        assertThat(accounts.findStaff("intruder1")).isEmpty();
        assertThat(accounts.findStaff("intruder2")).isEmpty();
        assertThat(accounts.staff(other.id()).enabled()).isTrue();
    }

    @Test
    void theListShowsStaffWithRoleOrganizationAndState() throws Exception {
        StaffAccount coord = accounts.createStaff(name("list"), PASSWORD, "江海区 列表", "list@example.com",
                Role.COORDINATOR, jianghai);
        mvc.perform(get("/admin/accounts").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(coord.username()), containsString("江海区 列表"),
                        containsString("归口单位管理员"), containsString("<td>江海区</td>"), containsString("已启用"),
                        containsString("从未登录"), containsString("<caption>工作人员账号</caption>"),
                        containsString("scope=\"row\""), containsString("/admin/accounts/" + coord.id() + "/enabled"))));
        mvc.perform(get("/admin/accounts").param("role", "CITY_ADMIN").with(as(admin)))
                .andExpect(content().string(allOf(containsString(admin.username()),
                        not(containsString(coord.username())), containsString("工作人员账号：市科协管理员"))));
        mvc.perform(get("/api/v1/admin/accounts").param("role", "COORDINATOR").with(as(admin)))
                .andExpect(jsonPath("$[?(@.username == '" + coord.username() + "')].organizationName").value("江海区"))
                .andExpect(jsonPath("$[?(@.username == '" + coord.username() + "')].enabled").value(true))
                .andExpect(jsonPath("$[?(@.username == '" + coord.username() + "')].locked").value(false))
                .andExpect(jsonPath("$[?(@.username == '" + admin.username() + "')]").isEmpty());
    }

    @Test
    void aCoordinatorAccountIsCreatedThroughThePage() throws Exception {
        String username = name("jh");
        mvc.perform(newAccount(username, "COORDINATOR", jianghai).with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/admin/accounts"))
                .andExpect(flash().attribute("successMessage", "已创建账号 " + username + "（江海区）。"));
        StaffAccount created = accounts.findStaff(username).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.COORDINATOR);
        assertThat(created.organizationId()).isEqualTo(jianghai);
        assertThat(created.displayName()).isEqualTo("江海区科协 张三");
        assertThat(created.email()).isEqualTo("zhang@example.com");
        assertThat(created.enabled()).isTrue();
        // and a city admin of the city association
        String second = name("city");
        mvc.perform(newAccount(second, "CITY_ADMIN", city).with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(accounts.findStaff(second).orElseThrow().role()).isEqualTo(Role.CITY_ADMIN);
    }

    @Test
    void theFormShowsThePolicyAndComesBackWithMessagesButWithoutThePassword() throws Exception {
        mvc.perform(get("/admin/accounts/new").with(as(admin)))
                .andExpect(content().string(allOf(containsString("至少10个字符，同时包含字母和数字或符号"),
                        containsString("江海区"), containsString("市教育局"), containsString("<legend"),
                        containsString("autocomplete=\"new-password\""))));
        String username = name("weak");
        mvc.perform(newAccount(username, "COORDINATOR", education, "onlyletterslong").with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#password\""),
                        containsString("密码需要同时包含字母和数字或符号。"), containsString("value=\"" + username + "\""),
                        containsString("aria-describedby=\"password-hint password-error\""),
                        not(containsString("onlyletterslong")))));
        mvc.perform(newAccount(username, "CITY_ADMIN", education).with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("角色与所属单位的层级不符。")));
        mvc.perform(newAccount(username, "ORGANIZER", education).with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("这里只能创建归口单位管理员或市科协管理员账号。")));
        mvc.perform(newAccount(admin.username(), "COORDINATOR", education).with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#username\""),
                        containsString("该用户名已被使用，请换一个。"))));
        mvc.perform(post("/admin/accounts").with(csrf()).with(as(admin)).param("username", "a b")
                        .param("email", "not-an-address"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("用户名由3到64位字母"), containsString("请填写姓名。"),
                        containsString("请选择所属单位。"), containsString("请填写正确的电子邮箱"),
                        containsString("请填写初始密码。"),
                        // the summary lists the problems in the order of the form's fields
                        stringContainsInOrder("href=\"#organizationId\"", "href=\"#username\"",
                                "href=\"#displayName\"", "href=\"#email\"", "href=\"#password\""))));
        assertThat(accounts.findStaff(username)).isEmpty();
    }

    @Test
    void anAccountIsDisabledAndEnabledButNobodyDisablesThemselves() throws Exception {
        StaffAccount coord = accounts.createStaff(name("off"), PASSWORD, "新会区 工作人员", null, Role.COORDINATOR,
                organizations.findByName("新会区").orElseThrow().id());
        mvc.perform(post("/admin/accounts/" + coord.id() + "/enabled").param("enabled", "false").with(csrf())
                        .with(as(admin)))
                .andExpect(redirectedUrl("/admin/accounts#account-" + coord.id()))
                .andExpect(flash().attribute("successMessage", "账号 " + coord.username() + " 已停用，不能再登录。"));
        assertThat(accounts.staff(coord.id()).enabled()).isFalse();
        mvc.perform(get("/admin/accounts").with(as(admin))).andExpect(content().string(containsString("已停用")));
        mvc.perform(post("/admin/accounts/" + coord.id() + "/enabled").param("enabled", "true").with(csrf())
                .with(as(admin))).andExpect(status().is3xxRedirection());
        assertThat(accounts.staff(coord.id()).enabled()).isTrue();

        mvc.perform(post("/admin/accounts/" + admin.accountId() + "/enabled").param("enabled", "false").with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("errorMessage", "不能停用自己的账号。"));
        assertThat(accounts.staff(admin.accountId()).enabled()).isTrue();
        mvc.perform(post("/admin/accounts/999999/enabled").param("enabled", "false").with(csrf()).with(as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(newAccount("nocsrf1", "COORDINATOR", jianghai).with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/admin/accounts"), accountJson("nocsrf2", "COORDINATOR", jianghai))
                .with(as(admin)).session(new org.springframework.mock.web.MockHttpSession())).andExpect(status().isForbidden());
        assertThat(accounts.findStaff("nocsrf1")).isEmpty();
        assertThat(accounts.findStaff("nocsrf2")).isEmpty();
    }

    @Test
    void theApiCreatesAndSwitchesAccountsWithTheSameRules() throws Exception {
        String username = name("api");
        String location = mvc.perform(json(post("/api/v1/admin/accounts"), accountJson(username, "COORDINATOR", education))
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("COORDINATOR"))
                .andExpect(jsonPath("$.organizationName").value("市教育局"))
                .andReturn().getResponse().getHeader("Location");
        StaffAccount created = accounts.findStaff(username).orElseThrow();
        assertThat(created.organizationId()).isEqualTo(education);
        assertThat(location).isEqualTo("/api/v1/admin/accounts/" + created.id());
        mvc.perform(json(post("/api/v1/admin/accounts"), accountJson(username, "COORDINATOR", education))
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(json(post("/api/v1/admin/accounts"), accountJson(name("org"), "ORGANIZER", education))
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(json(put("/api/v1/admin/accounts/" + created.id() + "/enabled"), "{\"enabled\":false}")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(json(put("/api/v1/admin/accounts/" + admin.accountId() + "/enabled"), "{\"enabled\":false}")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(put("/api/v1/admin/accounts/" + created.id() + "/enabled"), "{}").with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest());
    }

    private static String name(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private static MockHttpServletRequestBuilder newAccount(String username, String role, long organizationId) {
        return newAccount(username, role, organizationId, PASSWORD);
    }

    private static MockHttpServletRequestBuilder newAccount(String username, String role, long organizationId,
            String password) {
        return post("/admin/accounts").param("username", username).param("displayName", "江海区科协 张三")
                .param("email", "zhang@example.com").param("role", role)
                .param("organizationId", String.valueOf(organizationId)).param("password", password);
    }

    private static String accountJson(String username, String role, long organizationId) {
        return """
                {"username":"%s","displayName":"接口 创建","email":null,"role":"%s","organizationId":%d,"password":"%s"}"""
                .formatted(username, role, organizationId, PASSWORD);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
