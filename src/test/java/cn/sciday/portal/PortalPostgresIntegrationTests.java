package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityPage;
import cn.sciday.activity.Audience;
import cn.sciday.activity.PublicActivity;
import cn.sciday.activity.PublicSearch;
import cn.sciday.activity.PublicStatistics;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Registrations;

/**
 * The portal's SQL on PostgreSQL, over the demo data: the public search with every filter and both orders, the
 * statistics, the day counts, the open seats, the notices, every public page over HTTP, and the plan of the list
 * query using the V90 index.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class PortalPostgresIntegrationTests {

    @Test
    void theSearchAndThePagesRunOnPostgres() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                             "--spring.datasource.password=", "--server.port=0", "--sciday.demo.mode=on",
                             "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                             "--sciday.media.dir=target/test-media/portal-pg",
                             "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN")) {
            Activities activities = app.getBean(Activities.class);
            Organizations organizations = app.getBean(Organizations.class);
            long jianghai = organizations.findByName("江海区").orElseThrow().id();

            ActivityPage<PublicActivity> all = activities.search(new PublicSearch(null, null, null, null, null, null,
                    null, null, PublicSearch.Sort.START, 0, 100));
            PublicStatistics stats = activities.publicStatistics();
            assertThat(all.total()).isPositive().isEqualTo(stats.activities());
            assertThat(all.items()).isSortedAccordingTo((a, b) -> a.startsAt().compareTo(b.startsAt()));
            assertThat(stats.byDivision().values().stream().mapToLong(Long::longValue).sum()
                    + stats.withoutDivision()).isEqualTo(stats.activities());

            ActivityPage<PublicActivity> narrowed = activities.search(new PublicSearch(jianghai, 2, 2,
                    ActivityFormat.OFFLINE, Audience.YOUTH, LocalDate.of(2021, 9, 1), LocalDate.of(2021, 12, 10),
                    "科技", PublicSearch.Sort.NEWEST, 0, 10));
            assertThat(narrowed.items()).allSatisfy(a -> {
                assertThat(a.divisionId()).isEqualTo(jianghai);
                assertThat(a.jointAction()).isEqualTo(2);
                assertThat(a.themes()).contains(2);
                assertThat(a.audiences()).contains(Audience.YOUTH);
                assertThat(a.format().hasOfflinePart()).isTrue();
            });
            assertThat(narrowed.total()).isPositive();
            assertThat(activities.search(new PublicSearch(null, null, null, null, null, null, null, "50%_!",
                    PublicSearch.Sort.START, 0, 10)).total()).isZero();
            assertThat(activities.searchIds(PublicSearch.all())).hasSize((int) stats.activities());
            Map<LocalDate, Integer> days = activities.publicDayCounts(LocalDate.of(2021, 9, 1),
                    LocalDate.of(2021, 12, 31));
            assertThat(days).isNotEmpty();
            assertThat(app.getBean(Registrations.class).openSeats()).isNotEmpty();
            assertThat(app.getBean(Notices.class).published()).extracting(NoticeView::documentNumber)
                    .contains("江府办函〔2021〕117号");

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            long notice = app.getBean(Notices.class).published().get(0).id();
            for (String path : new String[] {"/", "/activities", "/activities?from=&seats=on&sort=seats",
                    "/activities?from=&q=%E7%A7%91%E6%8A%80&sort=newest&theme=2&audience=YOUTH&format=ONLINE",
                    "/activities/calendar?month=2021-09", "/activities/map", "/activities/" + all.items().get(0).id(),
                    "/notices", "/notices/" + notice}) {
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(page.statusCode()).as(path).isEqualTo(200);
            }

            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("""
                        explain select a.id from activity a where a.campaign_id = 1 and a.status = 'PUBLISHED'
                          and a.ends_at > now() order by a.starts_at, a.id limit 20""")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).contains("ix_activity_public_start");
            }
        }
    }
}
