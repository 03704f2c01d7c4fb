package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

/** Error pages through a real server: in the layout, in the right language, never a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ErrorPagesIntegrationTests.Failing.class})
class ErrorPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Failing failing;

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
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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
