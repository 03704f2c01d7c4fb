package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import cn.sciday.AuthorizationTable;
import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/**
 * Every completion, proposal-file and summary page and endpoint for every caller: anonymous visitors go to the login
 * page (pages) or get 401 (API); a pending organizer and a citizen get 403; another unit's or division's record is
 * 404; a wrong role on the caller's own scope is 403. "login" is a redirect to /login, "302" another redirect.
 * Placeholders: {pub} the owner's published activity, {draft} its draft (with a plan), {unit} its unit, {summary}
 * its submitted stage summary.
 */
@IntegrationTest
class CompletionWebAuthorizationIntegrationTests {

    static final String[] WHO = {"ANONYMOUS", "PENDING", "PUBLIC", "OWNER", "OTHER_ORGANIZER", "COORDINATOR",
            "OTHER_COORDINATOR", "CITY"};

    /** Method (MULTIPART = POST with a file), path, body, then the answer for each caller in the order of WHO. */
    static final String[][] TABLE = {
            {"GET", "/completion", "", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/completion/{unit}", "", "login", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/activities/manage/{pub}/completion", "", "login", "403", "403", "200", "404", "200", "404", "200"},
            {"POST", "/activities/manage/{pub}/completion", "actualParticipants=5", "login", "403", "403", "302", "404",
                    "403", "404", "403"},
            {"MULTIPART", "/activities/manage/{pub}/completion/photos", "png", "login", "403", "403", "302", "404",
                    "403", "404", "403"},
            {"POST", "/activities/manage/{pub}/completion/links", "kind=NEWS&title=t&url=https://a.cn/1", "login",
                    "403", "403", "302", "404", "403", "404", "403"},
            {"POST", "/activities/manage/{pub}/completion/photos/999999999/delete", "", "login", "403", "403", "404",
                    "404", "403", "404", "403"},
            {"POST", "/activities/manage/{pub}/completion/links/999999999/delete", "", "login", "403", "403", "404",
                    "404", "403", "404", "403"},
            {"MULTIPART", "/activities/manage/{draft}/epidemic-plan", "pdf", "login", "403", "403", "302", "404",
                    "403", "404", "403"},
            {"MULTIPART", "/my/activities/submit-batch", "scan", "login", "403", "403", "302", "302", "302", "302",
                    "302"},
            {"GET", "/summaries", "", "login", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/summaries/{summary}", "", "login", "403", "403", "200", "404", "200", "404", "200"},
            {"MULTIPART", "/summaries/submit/stage", "summary", "login", "403", "403", "302", "302", "302", "302",
                    "403"},
            {"POST", "/summaries/{summary}/accept", "", "login", "403", "403", "403", "404", "302", "404", "302"},
            {"GET", "/api/v1/completion", "", "401", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/api/v1/completion/{unit}", "", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"GET", "/api/v1/activities/{pub}/completion", "", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"PUT", "/api/v1/activities/{pub}/completion", "{\"actualParticipants\":5}", "401", "403", "403", "200",
                    "404", "403", "404", "403"},
            {"MULTIPART", "/api/v1/activities/{pub}/completion/photos", "png", "401", "403", "403", "201", "404",
                    "403", "404", "403"},
            {"DELETE", "/api/v1/activities/{pub}/completion/photos/999999999", "", "401", "403", "403", "404", "404",
                    "403", "404", "403"},
            {"POST", "/api/v1/activities/{pub}/completion/links",
                    "{\"kind\":\"VIDEO\",\"title\":\"t\",\"url\":\"https://v.cn/1\"}", "401", "403", "403", "201",
                    "404", "403", "404", "403"},
            {"DELETE", "/api/v1/activities/{pub}/completion/links/999999999", "", "401", "403", "403", "404", "404",
                    "403", "404", "403"},
            {"GET", "/api/v1/activities/{draft}/files", "", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"MULTIPART", "/api/v1/activities/{draft}/epidemic-plan", "pdf", "401", "403", "403", "200", "404", "403",
                    "404", "403"},
            {"MULTIPART", "/api/v1/activities/batch/submit", "scan", "401", "403", "403", "200", "409", "409", "409",
                    "409"},
            {"GET", "/api/v1/summaries", "", "401", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/api/v1/summaries/board", "", "401", "403", "403", "200", "200", "200", "200", "200"},
            {"GET", "/api/v1/summaries/{summary}", "", "401", "403", "403", "200", "404", "200", "404", "200"},
            {"MULTIPART", "/api/v1/summaries", "summary", "401", "403", "403", "200", "200", "200", "200", "403"},
            {"POST", "/api/v1/summaries/{summary}/accept", "", "401", "403", "403", "403", "404", "200", "404", "200"},
    };

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String[] row : TABLE) {
            for (int i = 0; i < WHO.length; i++) {
                all.add(Arguments.of(row[0], row[1], row[2], WHO[i], row[3 + i]));
            }
        }
        return all.stream();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    SummaryManagement summaries;
    @Autowired
    Organizations organizations;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @ParameterizedTest(name = "{0} {1} as {3} → {4}")
    @MethodSource("cases")
    void everyEndpointForEveryCaller(String method, String path, String body, String who, String expected)
            throws Exception {
        String url = path.replace("{unit}", String.valueOf(cast.unit().id()));
        if (url.contains("{pub}")) {
            url = url.replace("{pub}", String.valueOf(fixtures.inState(cast, ActivityStatus.PUBLISHED).id()));
        }
        long draft = -1;
        if (url.contains("{draft}") || body.equals("scan")) {
            draft = fixtures.inState(cast, ActivityStatus.DRAFT).id();
            url = url.replace("{draft}", String.valueOf(draft));
        }
        if (url.contains("{summary}")) {
            long id = summaries.submit(cast.owner(), SummaryKind.STAGE, "阶段性总结", List.of(), List.of()).state()
                    .summaryId();
            url = url.replace("{summary}", String.valueOf(id));
        }
        boolean api = url.startsWith("/api/");
        AbstractMockHttpServletRequestBuilder<?> request = switch (method) {
            case "GET" -> get(url);
            case "DELETE" -> delete(url).with(csrf());
            case "PUT" -> put(url).contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
            case "POST" -> (api ? post(url).contentType(MediaType.APPLICATION_JSON).content(body.isEmpty() ? "{}" : body)
                    : post(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body)).with(csrf());
            default -> multipartRequest(url, body, draft).with(csrf());
        };
        Actor actor = cast.caller(who);
        if (actor != null) {
            request = request.with(TestLogins.as(actor));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        AuthorizationTable.assertAnswer(response, expected);
        if (body.equals("scan")) {
            assertThat(activities.get(cast.city(), draft).status()).as("only the owner's batch submits it")
                    .isEqualTo(who.equals("OWNER") ? ActivityStatus.SUBMITTED : ActivityStatus.DRAFT);
        }
    }

    private MockMultipartHttpServletRequestBuilder multipartRequest(String url, String body, long draft) {
        MockMultipartHttpServletRequestBuilder m = multipart(url);
        return switch (body) {
            case "png" -> m.file(CompletionTestFiles.part("file", "p.png", "image/png", CompletionTestFiles.png()));
            case "pdf" -> m.file(CompletionTestFiles.part("file", "plan.pdf", "application/pdf",
                    CompletionTestFiles.pdf()));
            case "scan" -> {
                m.file(CompletionTestFiles.part("file", "scan.pdf", "application/pdf", CompletionTestFiles.pdf()));
                m.param("ids", String.valueOf(draft));
                yield m;
            }
            case "summary" -> {
                m.param("kind", "STAGE");
                m.param("body", "阶段性总结");
                yield m;
            }
            default -> throw new IllegalArgumentException(body);
        };
    }
}
