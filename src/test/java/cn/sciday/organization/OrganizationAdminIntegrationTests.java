package cn.sciday.organization;

import static cn.sciday.TestLogins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** The city admin's pages and API for divisions and departments. New divisions would show in other tests' lists. */
@IntegrationTest
@DirtiesContext
class OrganizationAdminIntegrationTests {

    private static final AtomicInteger CODES = new AtomicInteger(1000);

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;

    Actor admin;
    Actor coordinator;
    Actor organizer;
    long jianghai;

    @BeforeEach
    void setUp() {
        jianghai = organizations.findByName("江海区").orElseThrow().id();
        admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        coordinator = TestLogins.actor(Role.COORDINATOR, jianghai);
        organizer = TestLogins.actor(Role.ORGANIZER, jianghai);
    }

    @Test
    void onlyCityAdminsReachThePagesAndTheApi() throws Exception {
        for (String url : List.of("/admin/organizations", "/admin/organizations/new", "/admin/organizations/" + jianghai)) {
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
        for (MockHttpServletRequestBuilder page : List.of(
                post("/admin/organizations").param("kind", "DIVISION").param("name", "越权新区"),
                post("/admin/organizations/" + jianghai).param("name", "越权改名"))) {
            mvc.perform(page.with(csrf())).andExpect(redirectedUrl("/login"));
            mvc.perform(page.with(csrf()).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(page.with(csrf()).with(as(coordinator))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/admin/organizations")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/organizations").with(as(organizer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/organizations").with(as(coordinator))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/organizations").with(as(admin))).andExpect(status().isOk());
        for (MockHttpServletRequestBuilder api : List.of(
                json(post("/api/v1/admin/organizations"), "{\"kind\":\"DIVISION\",\"name\":\"越权新区\"}"),
                json(put("/api/v1/admin/organizations/" + jianghai), "{\"name\":\"越权改名\"}"))) {
            mvc.perform(api.with(csrf())).andExpect(status().isUnauthorized());
            mvc.perform(api.with(csrf()).with(as(organizer))).andExpect(status().isForbidden());
            mvc.perform(api.with(csrf()).with(as(coordinator))).andExpect(status().isForbidden());
        }
        assertThat(organizations.findByName("越权新区")).isEmpty();
        assertThat(organizations.findByName("越权改名")).isEmpty();
        assertThat(organizations.get(jianghai).name()).isEqualTo("江海区");
    }

    @Test
    void theListCountsApprovedAndPendingUnitsPerBody() throws Exception {
        OrganizationView body = organizations.createCoordinatingBody(OrganizationKind.DIVISION, "计数新区", null, List.of());
        organizations.createApprovedUnit(unit("计数学校", body.id()));
        organizations.registerUnit(unit("计数博物馆", body.id()));
        organizations.registerUnit(unit("计数医院", body.id()));
        mvc.perform(get("/api/v1/admin/organizations/" + body.id()).with(as(admin)))
                .andExpect(jsonPath("$.approvedUnits").value(1))
                .andExpect(jsonPath("$.pendingUnits").value(2))
                .andExpect(jsonPath("$.kind").value("DIVISION"));
        mvc.perform(get("/admin/organizations").with(as(admin)))
                .andExpect(content().string(allOf(containsString("计数新区"), containsString("江海区科学技术协会"),
                        containsString("江海区科协、江海区政府"), containsString("市教育局"), containsString("<caption>"),
                        containsString("scope=\"row\""), containsString("待审核的单位"))));
        mvc.perform(get("/admin/organizations/" + body.id()).with(as(admin)))
                .andExpect(content().string(containsString("已通过的单位 1 个，待审核的单位 2 个")));
    }

    @Test
    void aDivisionIsCreatedThroughThePage() throws Exception {
        mvc.perform(post("/admin/organizations").with(csrf()).with(as(admin)).param("kind", "DIVISION")
                        .param("name", "滨江新区").param("fullName", "滨江新区科学技术协会")
                        .param("aliases", "滨江新区科协、滨江新区政府"))
                .andExpect(redirectedUrl("/admin/organizations"))
                .andExpect(flash().attribute("successMessage", "已新建“滨江新区”。"));
        OrganizationView created = organizations.findByName("滨江新区政府").orElseThrow();
        assertThat(created.name()).isEqualTo("滨江新区");
        assertThat(created.fullName()).isEqualTo("滨江新区科学技术协会");
        assertThat(created.kind()).isEqualTo(OrganizationKind.DIVISION);
        assertThat(organizations.coordinatingBodies()).extracting(OrganizationView::name).contains("滨江新区");
    }

    @Test
    void aMissingKindOrATakenNameShowsTheFormAgain() throws Exception {
        mvc.perform(post("/admin/organizations").with(csrf()).with(as(admin)).param("name", "无类型新区"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#kind\""),
                        containsString("请选择是市（区）还是市直部门。"), containsString("value=\"无类型新区\""))));
        mvc.perform(post("/admin/organizations").with(csrf()).with(as(admin)).param("kind", "DEPARTMENT")
                        .param("name", "新部门").param("aliases", "江海区政府"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"#name\""),
                        containsString("已有同名的组织：江海区政府（江海区）"))));
        mvc.perform(post("/admin/organizations").with(csrf()).with(as(admin)).param("kind", "UNIT").param("name", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择是市（区）还是市直部门。")));
        assertThat(organizations.findByName("无类型新区")).isEmpty();
        assertThat(organizations.findByName("新部门")).isEmpty();
    }

    @Test
    void aDepartmentIsRenamedAndCannotTakeAnotherBodysName() throws Exception {
        OrganizationView dept = organizations.createCoordinatingBody(OrganizationKind.DEPARTMENT, "市旧名局", "江门市旧名局",
                List.of("旧别名"));
        mvc.perform(get("/admin/organizations/" + dept.id()).with(as(admin)))
                .andExpect(content().string(allOf(containsString("value=\"市旧名局\""), containsString("value=\"旧别名\""))));
        mvc.perform(post("/admin/organizations/" + dept.id()).with(csrf()).with(as(admin)).param("name", "市新名局")
                        .param("fullName", "江门市新名局").param("aliases", "新别名，另一个别名"))
                .andExpect(redirectedUrl("/admin/organizations"))
                .andExpect(flash().attribute("successMessage", "“市旧名局”已改为“市新名局”。"));
        assertThat(organizations.findByName("另一个别名").orElseThrow().id()).isEqualTo(dept.id());
        assertThat(organizations.findByName("旧别名")).isEmpty();
        mvc.perform(post("/admin/organizations/" + dept.id()).with(csrf()).with(as(admin)).param("name", "市教育局"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已有同名的组织：市教育局"),
                        containsString("aria-describedby=\"name-hint name-error\""))));
        mvc.perform(post("/admin/organizations/" + dept.id()).with(csrf()).with(as(admin)).param("name", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写名称。")));
        assertThat(organizations.get(dept.id()).name()).isEqualTo("市新名局");
        // the city and units are not renamed here
        mvc.perform(get("/admin/organizations/" + organizations.city().id()).with(as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/organizations/" + organizations.city().id()).with(csrf()).with(as(admin))
                .param("name", "改市科协")).andExpect(status().isNotFound());
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/organizations").with(as(admin)).param("kind", "DIVISION").param("name", "无令牌新区"))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/admin/organizations"), "{\"kind\":\"DIVISION\",\"name\":\"无令牌新区\"}")
                .with(as(admin)).session(new org.springframework.mock.web.MockHttpSession())).andExpect(status().isForbidden());
        assertThat(organizations.findByName("无令牌新区")).isEmpty();
    }

    @Test
    void theApiCreatesAndRenamesWithTheSameRules() throws Exception {
        String location = mvc.perform(json(post("/api/v1/admin/organizations"),
                        "{\"kind\":\"DEPARTMENT\",\"name\":\"市接口局\",\"fullName\":\"江门市接口局\",\"aliases\":[\"接口局\"]}")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("市接口局"))
                .andExpect(jsonPath("$.aliases[0]").value("接口局"))
                .andExpect(jsonPath("$.approvedUnits").value(0))
                .andReturn().getResponse().getHeader("Location");
        long id = organizations.findByName("接口局").orElseThrow().id();
        assertThat(location).isEqualTo("/api/v1/admin/organizations/" + id);
        mvc.perform(json(post("/api/v1/admin/organizations"), "{\"kind\":\"DIVISION\",\"name\":\"市接口局\"}")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(post("/api/v1/admin/organizations"), "{\"name\":\"无类型\"}").with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(json(put("/api/v1/admin/organizations/" + id), "{\"name\":\"市接口改名局\"}").with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("市接口改名局"))
                .andExpect(jsonPath("$.fullName").value("市接口改名局"))
                .andExpect(jsonPath("$.aliases[0]").value("接口局"));
        mvc.perform(json(put("/api/v1/admin/organizations/" + id), "{\"name\":\"新会区\"}").with(csrf()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("已有同名的组织：新会区"));
        mvc.perform(json(put("/api/v1/admin/organizations/" + id), "{\"name\":\"\"}").with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static UnitRegistration unit(String name, long parentId) {
        String code = CreditCode.complete("91440704MA5" + String.format("%06d", CODES.incrementAndGet()));
        return new UnitRegistration(name, UnitType.SCHOOL, code, "联系人", "0750-1234567", null, parentId);
    }
}
