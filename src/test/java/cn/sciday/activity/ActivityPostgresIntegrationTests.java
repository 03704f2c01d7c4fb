package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * The activity SQL on PostgreSQL: the demo data walks fifty activities through every transition, then the scoped
 * lists, queues, counts, public list, batch approval and a post-publication change run against it.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class ActivityPostgresIntegrationTests {

    @Test
    void demoDataAndQueriesRunOnPostgres() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                             "--spring.datasource.password=", "--server.port=0", "--sciday.demo.mode=on",
                             "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                             "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN")) {
            Activities activities = app.getBean(Activities.class);
            Organizations organizations = app.getBean(Organizations.class);
            Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
            Actor jianghai = TestLogins.actor(Role.COORDINATOR, organizations.findByName("江海区").orElseThrow().id());
            long school = organizations.findByName("江门市江海区礼乐中学").orElseThrow().id();
            Actor organizer = TestLogins.actor(Role.ORGANIZER, school);

            Map<ActivityStatus, Long> counts = activities.countsByStatus(city);
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(50);
            assertThat(counts).allSatisfy((status, n) -> assertThat(n).as(status.name()).isPositive());
            assertThat(activities.ownedBy(organizer, ActivityFilter.all()).items()).hasSize(8);
            assertThat(activities.visibleTo(jianghai, new ActivityFilter(ActivityStatus.SUBMITTED, null, 2, false, 0,
                    50)).items()).hasSize(2);
            assertThat(activities.reviewQueue(jianghai, ActivityFilter.all()).total()).isEqualTo(3);
            assertThat(activities.publicList(new ActivityFilter(null, organizations.findByName("新会区").orElseThrow()
                    .id(), null, false, 0, 2)).items()).hasSize(2);

            List<Long> endorsed = activities.reviewQueue(city, new ActivityFilter(null, null, null, false, 0, 500))
                    .items().stream().filter(a -> a.status() == ActivityStatus.ENDORSED).map(ActivityView::id)
                    .toList();
            assertThat(activities.approveAll(city, endorsed, "同意").done()).hasSameSizeAs(endorsed);

            ActivityView published = activities.ownedBy(organizer, new ActivityFilter(ActivityStatus.PUBLISHED, null,
                    null, false, 0, 10)).items().get(0);
            activities.change(organizer, published.id(), new ActivityChangeForm(published.format(),
                    published.startsAt().plusDays(1), published.endsAt().plusDays(1), published.divisionId(),
                    published.venue(), published.onlineUrl(), published.capacity()));
            assertThat(activities.changes(organizer, published.id())).extracting(ActivityChangeView::field)
                    .containsExactly("startsAt", "endsAt");
            assertThat(activities.get(organizer, published.id()).startsAt())
                    .isEqualTo(LocalDateTime.from(published.startsAt().plusDays(1)));

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/public/activities?jointAction=5")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("走近“华龙一号”核电科普开放日").contains("2021年全国科普日活动")
                    .doesNotContain("核安全知识网络竞答\",\"status\":\"ENDORSED");
        }
    }
}
