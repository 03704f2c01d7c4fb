package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.sciday.PostgresTestDatabase;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Two instances of the app on one PostgreSQL database, as behind a load balancer: a login on one is a login on the
 * other (sessions in the database, {@code sciday.sessions=jdbc}); a job runs on one of them at a time (ShedLock).
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class SeveralInstancesPostgresTests {

    static final String PASSWORD = "Instances-2021!";

    static PostgresTestDatabase db;
    static AppInstance a;
    static AppInstance b;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresTestDatabase.freshSchema();
        String[] common = {"--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                "--spring.datasource.password=", "--spring.flyway.schemas=" + db.schema(), "--sciday.sessions=jdbc",
                "--sciday.bootstrap.admin-password=" + PASSWORD};
        a = AppInstance.start(List.of(TestCaches.class), common);
        b = AppInstance.start(List.of(TestCaches.class), common);
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aLoginOnOneInstanceIsALoginOnTheOtherAndALogoutEndsItOnBoth() throws Exception {
        AppInstance.Visitor visitor = new AppInstance.Visitor();
        HttpResponse<String> login = visitor.login(a, "admin", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/workbench");
        assertThat(visitor.cookies()).containsKey("SESSION").doesNotContainKey("JSESSIONID");
        assertThat(a.bean(JdbcClient.class).sql("select count(*) from spring_session where principal_name = 'admin'")
                .query(Long.class).single()).isPositive();

        HttpResponse<String> me = visitor.get(b, "/api/v1/me");
        assertThat(me.statusCode()).as("the other instance knows the session").isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"").contains("CITY_ADMIN");
        assertThat(visitor.get(b, "/workbench").statusCode()).isEqualTo(200);
        assertThat(new AppInstance.Visitor().get(b, "/api/v1/me").statusCode()).as("no session, no login")
                .isEqualTo(401);

        String csrf = visitor.csrf(visitor.get(b, "/workbench").body());
        assertThat(visitor.post(b, "/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
        visitor.cookies().put("SESSION", sessionCookieBeforeLogout(visitor, login));
        assertThat(visitor.get(a, "/api/v1/me").statusCode()).as("logged out on the first instance too")
                .isEqualTo(401);
    }

    /** The session cookie the login set (a logout may clear it in the jar; a stolen copy must not work either). */
    private static String sessionCookieBeforeLogout(AppInstance.Visitor visitor, HttpResponse<String> login) {
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length()).split(";", 2)[0]).reduce((x, y) -> y)
                .orElseGet(() -> visitor.cookies().get("SESSION"));
    }

    @Test
    void aJobRunsOnOneInstanceAtATime() throws Exception {
        List<LockProvider> providers = List.of(a.bean(LockProvider.class), b.bean(LockProvider.class));
        assertThat(providers.get(0)).isNotSameAs(providers.get(1));
        String job = "test-job-" + UUID.randomUUID();
        assertThat(JobLocks.runTogether(providers, List.of(job, job))).as("one run for one job name").isEqualTo(1);
        assertThat(JobLocks.runTogether(providers, List.of(job + "-a", job + "-b")))
                .as("negative control: without a shared lock both instances run it").isEqualTo(2);
    }

    @Test
    void cacheStatisticsReachPrometheus() throws Exception {
        Cache cache = a.bean(CacheManager.class).getCache(TestCaches.NAME);
        assertThat(cache.get("page-1")).isNull();
        cache.put("page-1", "html");
        assertThat(cache.get("page-1").get()).isEqualTo("html");
        String metrics = new AppInstance.Visitor().get(a, "/actuator/prometheus").body();
        assertThat(metrics).containsPattern("cache_gets_total\\{cache=\"test\\.pages\".*result=\"hit\".*\\} 1\\.0")
                .containsPattern("cache_gets_total\\{cache=\"test\\.pages\".*result=\"miss\".*\\} 1\\.0");
    }
}
