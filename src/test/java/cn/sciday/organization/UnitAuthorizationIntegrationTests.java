package cn.sciday.organization;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Every unit page and API endpoint for each role: anonymous, the owning unit, another unit, the coordinator above,
 * another coordinator, the city. Another scope's unit answers 404; a missing permission on one's own scope 403.
 */
@IntegrationTest
class UnitAuthorizationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;

    long unit;
    Map<String, Actor> who;

    @BeforeEach
    void setUp() {
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        long xinhui = organizations.findByName("新会区").orElseThrow().id();
        unit = organizations.registerUnit(OrganizationsIntegrationTests.registration("矩阵测试单位", jianghai)).id();
        long otherUnit = organizations.createApprovedUnit(
                OrganizationsIntegrationTests.registration("另一个单位", jianghai)).id();
        who = Map.of(
                "owner", TestLogins.actor(Role.ORGANIZER, unit),
                "otherUnit", TestLogins.actor(Role.ORGANIZER, otherUnit),
                "coordinator", TestLogins.actor(Role.COORDINATOR, jianghai),
                "otherCoordinator", TestLogins.actor(Role.COORDINATOR, xinhui),
                "city", TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()),
                "public", TestLogins.actor(Role.PUBLIC, null));
    }

    @Test
    void unitListPage() throws Exception {
        expect(get("/units"), null, 302);
        expect(get("/units"), "owner", 403);
        expect(get("/units"), "otherUnit", 403);
        expect(get("/units"), "public", 403);
        expect(get("/units"), "coordinator", 200);
        expect(get("/units"), "otherCoordinator", 200);
        expect(get("/units"), "city", 200);
    }

    @Test
    void unitPage() throws Exception {
        expect(get("/units/" + unit), null, 302);
        expect(get("/units/" + unit), "owner", 403);
        expect(get("/units/" + unit), "otherUnit", 403);
        expect(get("/units/" + unit), "coordinator", 200);
        expect(get("/units/" + unit), "otherCoordinator", 404);
        expect(get("/units/" + unit), "city", 200);
    }

    @Test
    void unitApi() throws Exception {
        expect(get("/api/v1/units/" + unit), null, 401);
        expect(get("/api/v1/units/" + unit), "owner", 200);
        expect(get("/api/v1/units/" + unit), "otherUnit", 404);
        expect(get("/api/v1/units/" + unit), "coordinator", 200);
        expect(get("/api/v1/units/" + unit), "otherCoordinator", 404);
        expect(get("/api/v1/units/" + unit), "city", 200);
        expect(get("/api/v1/units/" + unit), "public", 404);
        expect(get("/api/v1/units"), null, 401);
        expect(get("/api/v1/units"), "owner", 403);
        expect(get("/api/v1/units"), "coordinator", 200);
        expect(get("/api/v1/public/organizations"), null, 200);
    }

    @Test
    void approvingAndRejecting() throws Exception {
        expect(post("/units/" + unit + "/approve").with(csrf()), null, 302);
        expect(post("/units/" + unit + "/approve"), "coordinator", 403);
        expect(post("/units/" + unit + "/approve").with(csrf()), "owner", 403);
        expect(post("/units/" + unit + "/approve").with(csrf()), "otherUnit", 403);
        expect(post("/units/" + unit + "/approve").with(csrf()), "otherCoordinator", 404);
        expect(post("/api/v1/units/" + unit + "/reject").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}").with(csrf()), "otherCoordinator", 404);
        expect(post("/api/v1/units/" + unit + "/reject").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\"}").with(csrf()), "coordinator", 400);
        expect(post("/units/" + unit + "/approve").with(csrf()), "coordinator", 302);
        expect(post("/api/v1/units/" + unit + "/approve").with(csrf()), "city", 409);
    }

    private void expect(MockHttpServletRequestBuilder request, String role, int status) throws Exception {
        if (role != null) {
            RequestPostProcessor as = TestLogins.as(who.get(role));
            request.with(as);
        }
        mvc.perform(request).andExpect(status().is(status));
    }
}
