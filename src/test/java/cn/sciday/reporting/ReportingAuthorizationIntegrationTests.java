package cn.sciday.reporting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.AuthorizationTable;
import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityView;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Every reporting page and endpoint for every caller: anonymous visitors go to the login page (pages) or get 401
 * (API); citizens and pending organizers 403; an organizer its own unit's files only and 403 on city or coordinator
 * pages; a coordinator its own scope (another division's file is 404); the city everything. {unit} is a unit under
 * 江海区 with a published activity {activity}; {division} is 江海区. "login" is a redirect to /login, "302" another.
 */
@IntegrationTest
class ReportingAuthorizationIntegrationTests {

    static final String[] WHO = {"ANONYMOUS", "PENDING", "PUBLIC", "OWNER", "OTHER_ORGANIZER", "COORDINATOR",
            "OTHER_COORDINATOR", "CITY"};

    static final String[][] TABLE = {
            {"GET", "/forms/intention-template.xlsx", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/api/v1/forms/intention-template.xlsx", "401", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/forms/intention", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"POST", "/forms/intention", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"MULTIPART", "/api/v1/forms/intention", "401", "403", "403", "400", "400", "400", "400", "400"},
            {"GET", "/reports", "login", "403", "403", "403", "403", "200", "200", "200"},
            {"GET", "/reports/summary.xlsx", "login", "403", "403", "403", "403", "200", "200", "200"},
            {"GET", "/reports/summary.xlsx?org={division}", "login", "403", "403", "403", "403", "200", "404", "200"},
            {"GET", "/reports/summary.xlsx?org={unit}", "login", "403", "403", "403", "403", "404", "404", "404"},
            {"GET", "/api/v1/reports/summary.xlsx?org={division}", "401", "403", "403", "403", "403", "200", "404", "200"},
            {"GET", "/dashboard", "login", "403", "403", "403", "403", "200", "200", "200"},
            {"GET", "/api/v1/dashboard", "401", "403", "403", "403", "403", "200", "200", "200"},
            {"GET", "/compliance", "login", "403", "403", "403", "403", "200", "200", "200"},
            {"GET", "/compliance?milestone=FULL_SUMMARY", "login", "403", "403", "403", "403", "200", "200", "200"},
            {"POST", "/compliance/remind?milestone=INTENTION", "login", "403", "403", "403", "403", "302", "302", "302"},
            {"GET", "/api/v1/compliance", "401", "403", "403", "403", "403", "200", "200", "200"},
            {"POST", "/api/v1/compliance/INTENTION/remind", "401", "403", "403", "403", "403", "200", "200", "200"},
            {"GET", "/filing", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/filing?org={unit}", "login", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/filing/export.xlsx?org={unit}", "login", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/filing/export.csv?org={division}", "login", "403", "403", "404", "404", "200", "404", "200"},
            {"GET", "/api/v1/filing?org={unit}", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"POST", "/filing/{activity}/reference", "login", "403", "403", "302", "404", "403", "404", "403"},
            {"PUT", "/api/v1/filing/{activity}/reference", "401", "403", "403", "200", "404", "403", "404", "403"},
            {"GET", "/recommendations", "login", "403", "403", "403", "403", "403", "403", "200"},
            {"GET", "/recommendations/export.xlsx?level=PROVINCE", "login", "403", "403", "403", "403", "403", "403", "200"},
            {"GET", "/api/v1/recommendations", "401", "403", "403", "403", "403", "403", "403", "200"},
            {"POST", "/recommendations/999999999/withdraw", "login", "403", "403", "403", "403", "403", "403", "404"},
            {"GET", "/reports/special", "login", "403", "403", "403", "403", "403", "403", "200"},
            {"GET", "/reports/special/999999999", "login", "403", "403", "403", "403", "403", "403", "404"},
            {"GET", "/api/v1/reports/special/999999999", "401", "403", "403", "403", "403", "403", "403", "404"},
    };

    static Stream<Arguments> cases() {
        return AuthorizationTable.cases(WHO, TABLE);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;

    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    JdbcTemplate jdbc;

    static OrganizationView unit;
    static OrganizationView otherUnit;
    static ActivityView activity;
    ReportingFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        if (unit == null) {
            unit = fx.newUnit("江海区");
            otherUnit = fx.newUnit("新会区");
            activity = fx.published(unit, "江海区", fx.form(ReportingFixtures.unique("授权测试"), 2,
                    ActivityFormat.OFFLINE, 10));
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @MethodSource("cases")
    void everyEndpointForEveryCaller(String method, String path, String who, String expected) throws Exception {
        String url = path.replace("{unit}", String.valueOf(unit.id()))
                .replace("{division}", String.valueOf(unit.parentId()))
                .replace("{activity}", String.valueOf(activity.id()));
        org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request = switch (method) {
            case "GET" -> get(url);
            case "PUT" -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(url)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"R-1\"}").with(csrf());
            case "MULTIPART" -> multipart(url).with(csrf());
            default -> post(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("reference=R-1")
                    .with(csrf());
        };
        Actor actor = switch (who) {
            case "ANONYMOUS" -> null;
            case "PENDING" -> TestLogins.pendingOrganizer(unit.id());
            case "PUBLIC" -> TestLogins.actor(Role.PUBLIC, null);
            case "OWNER" -> fx.organizer(unit);
            case "OTHER_ORGANIZER" -> fx.organizer(otherUnit);
            case "COORDINATOR" -> fx.coordinator("江海区");
            case "OTHER_COORDINATOR" -> fx.coordinator("新会区");
            default -> fx.city();
        };
        if (actor != null) {
            request = request.with(TestLogins.as(actor));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        AuthorizationTable.assertAnswer(response, expected);
    }
}
