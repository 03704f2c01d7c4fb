package cn.sciday.activity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.AuthorizationTable;
import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/**
 * Every page and API endpoint for every caller, on a draft of the owning unit: anonymous visitors are sent to the
 * login page (pages) or get 401 (API); a citizen gets 403; another unit's or division's draft is 404; a wrong role on
 * the caller's own scope is 403. "login" stands for a redirect to /login, "302" for another redirect.
 */
@IntegrationTest
class ActivityWebAuthorizationIntegrationTests {

    static final String[] WHO = {"ANONYMOUS", "PENDING", "PUBLIC", "OWNER", "OTHER_ORGANIZER", "COORDINATOR",
            "OTHER_COORDINATOR", "CITY"};

    /** Method, path ({id} = the draft), then the answer for each caller in the order of {@link #WHO}. */
    static final String[][] TABLE = {
            {"GET", "/my/activities", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/my/activities/new", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/my/activities/{id}/edit", "login", "403", "403", "200", "404", "403", "404", "403"},
            {"GET", "/my/activities/{id}/change", "login", "403", "403", "302", "404", "403", "404", "403"},
            {"GET", "/activities/manage", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/activities/manage/{id}", "login", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/review", "login", "403", "403", "403", "403", "200", "200", "200"},
            {"POST", "/my/activities/new", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"POST", "/my/activities/{id}/edit", "login", "403", "403", "200", "404", "403", "404", "403"},
            {"POST", "/activities/manage/{id}/endorse", "login", "403", "403", "403", "404", "302", "404", "403"},
            {"POST", "/review/endorse", "login", "403", "403", "403", "403", "302", "302", "403"},
            {"POST", "/review/approve", "login", "403", "403", "403", "403", "403", "403", "302"},
            {"GET", "/api/v1/activities", "401", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/api/v1/activities/{id}", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/api/v1/activities/{id}/history", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/api/v1/activities/{id}/changes", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/api/v1/activities/review-queue", "401", "403", "403", "403", "403", "200", "200", "200"},
            {"GET", "/api/v1/activities/counts", "401", "403", "403", "200", "200", "200", "200", "200"},
            {"POST", "/api/v1/activities", "401", "403", "403", "400", "400", "400", "400", "400"},
            {"PUT", "/api/v1/activities/{id}", "401", "403", "403", "400", "404", "403", "404", "403"},
            {"POST", "/api/v1/activities/{id}/submit", "401", "403", "403", "200", "404", "403", "404", "403"},
            {"POST", "/api/v1/activities/batch/endorse", "401", "403", "403", "403", "403", "409", "409", "403"},
            {"POST", "/api/v1/activities/batch/approve", "401", "403", "403", "403", "403", "403", "403", "409"},
            {"GET", "/api/v1/public/activities", "200", "200", "200", "200", "200", "200", "200", "200"},
            {"GET", "/api/v1/public/activities/{id}", "404", "404", "404", "404", "404", "404", "404", "404"},
    };

    static Stream<Arguments> cases() {
        return AuthorizationTable.cases(WHO, TABLE);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @MethodSource("cases")
    void everyEndpointForEveryCaller(String method, String path, String who, String expected) throws Exception {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        String url = path.replace("{id}", String.valueOf(draft.id()));
        MockHttpServletRequestBuilder request = switch (method) {
            case "GET" -> get(url);
            case "PUT" -> put(url).contentType(MediaType.APPLICATION_JSON).content("{}").with(csrf());
            default -> post(url).contentType(url.startsWith("/api/") ? MediaType.APPLICATION_JSON
                    : MediaType.APPLICATION_FORM_URLENCODED)
                    .content(url.contains("/batch/") ? "{\"ids\":[" + draft.id() + "]}" : url.startsWith("/api/") ? "{}" : "")
                    .with(csrf());
        };
        Actor actor = cast.caller(who);
        if (actor != null) {
            request = request.with(TestLogins.as(actor));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        AuthorizationTable.assertAnswer(response, expected);
    }
}
