package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;
import cn.sciday.organization.Organizations;
import cn.sciday.web.ConflictException;

/**
 * Completion and summaries on PostgreSQL: the demo data (plans, photos, links, summaries) and the overviews; and the
 * nine-photo limit under a race, held by the database (unique slot 1..9), with a negative control that drops the
 * guard and sees a tenth photo slip in.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class CompletionPostgresIntegrationTests {

    @Test
    void demoDataOverviewsAndSummariesRunOnPostgres() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = start(db, true)) {
            Completions completions = app.getBean(Completions.class);
            Organizations organizations = app.getBean(Organizations.class);
            ActivityRepository activities = app.getBean(ActivityRepository.class);
            ActivityCompletion main = completions.completionOf(
                    activities.idNamed(CompletionDemoData.MAIN_EVENT).orElseThrow());
            assertThat(main.complete()).isTrue();
            assertThat(main.photos()).isEqualTo(3);
            CompletionTotals jianghai = completions.totalsOf(organizations.findByName("江海区").orElseThrow().id());
            assertThat(jianghai.activities()).isPositive();
            assertThat(jianghai.score()).isBetween(1, 99);
            assertThat(completions.totalsOf(organizations.city().id()).activities()).isGreaterThan(10);
            assertThat(completions.summaryStatuses(SummaryKind.STAGE)).extracting(SummaryState::status)
                    .contains(SummaryStatus.MISSING, SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED);
            CompletionManagement management = app.getBean(CompletionManagement.class);
            assertThat(management.overview(cn.sciday.TestLogins.actor(cn.sciday.web.Role.CITY_ADMIN,
                    organizations.city().id())).bodies()).hasSizeGreaterThan(7);
        }
    }

    @Test
    void twoPhotosRacingForTheNinthPlaceLeaveNine() throws Exception {
        assertThat(race(true)).isEqualTo(9);
    }

    @Test
    void negativeControlWithoutTheDatabaseGuardATenthPhotoSlipsIn() throws Exception {
        assertThat(race(false)).isEqualTo(10);
    }

    /**
     * An activity with eight photos; A adds the ninth in a transaction it keeps open until B has tried too (at most
     * three seconds), B adds one meanwhile. Returns how many photos are stored afterwards.
     */
    private long race(boolean guard) throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = start(db, false)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            if (!guard) {
                jdbc.sql("alter table activity_photo drop constraint uq_activity_photo_slot").update();
            }
            ActivityFixtures fixtures = new ActivityFixtures(app.getBean(Organizations.class),
                    app.getBean(Activities.class), app.getBean(ActivityUploads.class));
            ActivityFixtures.Cast cast = fixtures.cast();
            long id = fixtures.inState(cast, ActivityStatus.PUBLISHED).id();
            CompletionManagement completions = app.getBean(CompletionManagement.class);
            for (int i = 0; i < 8; i++) {
                completions.addPhoto(cast.owner(), id, CompletionIntegrationTests.png(i + ".png"));
            }
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            CountDownLatch aInserted = new CountDownLatch(1);
            CountDownLatch bDone = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> tx.executeWithoutResult(s -> {
                    completions.addPhoto(cast.owner(), id, CompletionIntegrationTests.png("a.png"));
                    aInserted.countDown();
                    try {
                        bDone.await(3, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                Future<Boolean> b = pool.submit(() -> {
                    aInserted.await(10, TimeUnit.SECONDS);
                    try {
                        completions.addPhoto(cast.owner(), id, CompletionIntegrationTests.png("b.png"));
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    } finally {
                        bDone.countDown();
                    }
                });
                a.get(30, TimeUnit.SECONDS);
                boolean bStored = b.get(30, TimeUnit.SECONDS);
                assertThat(bStored).isEqualTo(!guard);
            } finally {
                pool.shutdownNow();
            }
            long photos = jdbc.sql("select count(*) from activity_photo where activity_id = ?").param(id)
                    .query(Long.class).single();
            long files = jdbc.sql("select count(*) from media_file where purpose = 'activity-photo'")
                    .query(Long.class).single();
            assertThat(files).as("the loser's file is not kept").isEqualTo(photos);
            return photos;
        }
    }

    private static ConfigurableApplicationContext start(PostgresTestDatabase db, boolean demo) {
        return new SpringApplicationBuilder(SciDayApplication.class)
                .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                        "--spring.datasource.password=", "--server.port=0", "--sciday.demo.mode=" + (demo ? "on" : "off"),
                        "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                        "--sciday.media.dir=target/test-media/pg-" + UUID.randomUUID(),
                        "--sciday.notification.dispatch-enabled=false",
                        "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN");
    }
}
