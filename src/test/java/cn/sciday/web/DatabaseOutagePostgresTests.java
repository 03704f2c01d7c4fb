package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;

/**
 * The database goes away under a running app (its connections drop and its port closes, through a TCP proxy in front
 * of PostgreSQL): pages and the API answer 503 with Retry-After within seconds, health says DOWN; when the database
 * is back, the app serves again by itself within seconds.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class DatabaseOutagePostgresTests {

    static final Pattern HOST_PORT = Pattern.compile("//([^/:]+)(?::(\\d+))?/");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema()) {
            Matcher m = HOST_PORT.matcher(db.url());
            assertThat(m.find()).isTrue();
            String host = m.group(1);
            int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
            try (TcpProxy proxy = new TcpProxy(host, port);
                 ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class).run(
                         "--spring.datasource.url=" + m.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
                         "--spring.datasource.username=", "--spring.datasource.password=", "--server.port=0",
                         "--spring.flyway.schemas=" + db.schema(), "--sciday.demo.mode=off",
                         "--sciday.notification.dispatch-enabled=false", "--logging.level.root=WARN",
                         "--logging.level.cn.sciday=ERROR",
                         "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=")) {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
                assertThat(get(base + "/").statusCode()).isEqualTo(200);
                assertThat(get(base + "/api/v1/campaigns/current").statusCode()).isEqualTo(200);
                assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(200);

                proxy.cut();

                // the home page was read before the cut and comes from the portal's cache
                assertThat(getPage(base + "/").statusCode()).as("cached home page during the outage").isEqualTo(200);

                long start = System.nanoTime();
                HttpResponse<String> page = getPage(base + "/activities/987654321");
                Duration pageTime = since(start);
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(page.body()).contains("系统暂时不可用").contains("<main id=\"main\"");
                assertThat(pageTime).as("no hang: the pool gives up after its connection timeout")
                        .isLessThan(Duration.ofSeconds(8));

                start = System.nanoTime();
                HttpResponse<String> api = get(base + "/api/v1/campaigns/current");
                assertThat(since(start)).isLessThan(Duration.ofSeconds(8));
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(api.body()).contains("\"status\":503").contains("数据库");

                HttpResponse<String> health = get(base + "/actuator/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"DOWN\"");
                assertThat(get(base + "/actuator/health/liveness").statusCode())
                        .as("alive: a restart would not help").isEqualTo(200);

                proxy.restore();
                start = System.nanoTime();
                int status = 0;
                while (since(start).compareTo(Duration.ofSeconds(10)) < 0) {
                    status = get(base + "/api/v1/campaigns/current").statusCode();
                    if (status == 200) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertThat(status).as("serving again within 10 s of the database's return").isEqualTo(200);
                assertThat(get(base + "/").statusCode()).isEqualTo(200);
                assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(200);
            }
        }
    }

    /** As a browser asks for a page. */
    HttpResponse<String> getPage(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*;q=0.8")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
