package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.sciday.TestClockConfiguration;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;

/** Error pages through a real server: in the layout, in the right language, never a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ErrorPagesIntegrationTests.Failing.class})
class ErrorPagesIntegrationTests {

    static final String PASSWORD = "Good-password-1";
    static final AtomicInteger SERIAL = new AtomicInteger();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Failing failing;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void missingPageShowsThe404PageInTheLayout() throws Exception {
        HttpResponse<String> r = get("/css/no-such-file.css", "text/html");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("找不到该页面").contains("跳到主要内容").contains("返回首页");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void notFoundFromTheDomainIsA404Page() throws Exception {
        HttpResponse<String> r = get("/css/test-missing", "text/html");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("找不到该页面");
    }

    @Test
    void aCrashShowsThe500PageWithoutAStackTrace() throws Exception {
        HttpResponse<String> r = get("/css/test-boom", "text/html");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("系统出错了").doesNotContain("IllegalStateException")
                .doesNotContain("secret detail").doesNotContain("at cn.sciday");
        assertInTheLayout(r);
    }

    /** A logged-in coordinator opens a city admin's page: the 403 page in the layout, without internals. */
    @Test
    void aForbiddenPageShowsThe403PageInTheLayout() throws Exception {
        HttpClient session = loggedInCoordinator();
        HttpResponse<String> r = session.send(request("/admin/audit", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("您无权访问该页面").contains("返回首页")
                .doesNotContain("AccessDenied").doesNotContain("at org.springframework");
        assertInTheLayout(r);
    }

    /** CSP with frame-ancestors, nosniff, Referrer-Policy and frame denial on pages, API, assets, redirects, errors. */
    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        HttpClient session = loggedInCoordinator();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("page", get("/campaign", "text/html"));
        answers.put("API", get("/api/v1/campaigns/current", "application/json"));
        answers.put("stylesheet", get("/css/sciday.css", "text/css"));
        answers.put("health", get("/actuator/health", "application/json"));
        answers.put("redirect to login", get("/workbench", "text/html"));
        answers.put("API 401", get("/api/v1/me", "application/json"));
        answers.put("404 page", get("/css/nothing.css", "text/html"));
        answers.put("500 page", get("/css/test-boom", "text/html"));
        answers.put("API 500", get("/api/v1/public/test-boom", "application/json"));
        answers.put("403 page", session.send(request("/admin/audit", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()));
        answers.put("form post", session.send(request("/logout", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(session, "/profile"))).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(answers).extractingByKeys("page", "API", "stylesheet", "health", "redirect to login", "API 401",
                "404 page", "500 page", "API 500", "403 page", "form post").extracting(HttpResponse::statusCode)
                .containsExactly(200, 200, 200, 200, 302, 401, 404, 500, 500, 403, 302);
        answers.forEach((what, r) -> {
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(what + ": CSP")
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'")
                            .contains("script-src 'self'").contains("object-src 'none'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        });
    }

    @Test
    void errorPageFollowsTheLanguageCookie() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/css/nothing.css"))
                .header("Accept", "text/html").header("Cookie", "sciday-lang=en").build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Page not found");
    }

    @Test
    void apiErrorsAreJsonProblems() throws Exception {
        HttpResponse<String> r = get("/api/v1/public/test-boom", "application/json");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("secret detail").doesNotContain("at cn.sciday");
        HttpResponse<String> c = get("/api/v1/public/test-conflict", "application/json");
        assertThat(c.statusCode()).isEqualTo(409);
        assertThat(c.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(c.body()).contains("已经提交过了");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(request(path, accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
    }

    private static void assertInTheLayout(HttpResponse<String> r) {
        assertThat(r.body()).as("skip link, landmarks and the language switch of the layout").contains("跳到主要内容")
                .contains("<main id=\"main\"").contains("role=\"banner\"").contains("role=\"contentinfo\"")
                .contains("lang=en");
    }

    /** A browser-like client (cookies kept) logged in through the login form as a new coordinator. */
    private HttpClient loggedInCoordinator() throws Exception {
        String username = "errors" + SERIAL.incrementAndGet();
        accounts.createStaff(username, PASSWORD, "协调员", null, Role.COORDINATOR,
                organizations.findByName("江海区").orElseThrow().id());
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = "username=" + username + "&password=" + PASSWORD + "&_csrf=" + csrf(session, "/login");
        HttpResponse<String> login = session.send(request("/login", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/workbench"));
        return session;
    }

    private String csrf(HttpClient session, String page) throws Exception {
        Matcher m = CSRF.matcher(session.send(request(page, "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    @TestConfiguration
    @RestController
    static class Failing {

        @GetMapping({"/css/test-boom", "/api/v1/public/test-boom"})
        String boom() {
            throw new IllegalStateException("secret detail");
        }

        @GetMapping("/css/test-missing")
        String missing() {
            throw new NotFoundException("nothing here");
        }

        @GetMapping("/api/v1/public/test-conflict")
        String conflict() {
            throw new ConflictException("已经提交过了，不能再次提交。");
        }
    }
}
