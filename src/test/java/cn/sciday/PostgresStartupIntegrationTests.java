package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The app migrates an empty PostgreSQL database on start, seeds the plan, and reports itself healthy. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class PostgresStartupIntegrationTests {

    @Test
    void startsOnAnEmptyPostgresDatabase() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                             "--spring.datasource.password=", "--server.port=0", "--sciday.demo.mode=off",
                             "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN",
                             "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> campaign = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/campaigns/current")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(campaign.statusCode()).isEqualTo(200);
            assertThat(campaign.body()).contains("全媒体科普传播行动").contains("\"brandLabel\":\"2021年全国科普日活动\"");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(db.schema());
            assertThat(jdbc.sql("select count(*) from campaign_joint_action").query(Integer.class).single())
                    .isEqualTo(12);
            assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        }
    }
}
