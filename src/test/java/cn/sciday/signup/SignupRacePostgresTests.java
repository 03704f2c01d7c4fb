package cn.sciday.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.TestClockConfiguration;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/** 300 people race for 50 seats on PostgreSQL: exactly 50 get one. Without the row lock the same race over-books. */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class SignupRacePostgresTests {

    static PostgresTestDatabase db;
    static final AtomicLong IDS = new AtomicLong(800_000);
    static final AtomicLong MOBILE = new AtomicLong(15800000000L);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        db = PostgresTestDatabase.freshSchema();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", () -> "");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", db::schema);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "24");
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void exactlyTheCapacityIsConfirmedAndTheRestWaits() throws Exception {
        long activity = race(50, 300);
        assertThat(count(activity, "CONFIRMED")).isEqualTo(50);
        assertThat(count(activity, "WAITLISTED")).isEqualTo(250);
        assertThat(jdbc.sql("select count(distinct account_id) from registration where activity_id = ?")
                .param(activity).query(Integer.class).single()).isEqualTo(300);
        SeatInfo seats = registrations.seats(activity).orElseThrow();
        assertThat(seats.confirmed()).isEqualTo(50);
        assertThat(seats.waitlisted()).isEqualTo(250);

        long someone = jdbc.sql("select id from registration where activity_id = ? and status = 'CONFIRMED' "
                + "fetch first 1 rows only").param(activity).query(Long.class).single();
        long owner = jdbc.sql("select account_id from registration where id = ?").param(someone)
                .query(Long.class).single();
        registrations.cancel(new Actor(owner, "p", "p", cn.sciday.web.Role.PUBLIC, null, true), someone);
        assertThat(count(activity, "CONFIRMED")).isEqualTo(50);
        assertThat(count(activity, "WAITLISTED")).isEqualTo(249);
        assertThat(count(activity, "CANCELLED")).isEqualTo(1);
    }

    @Test
    void withoutTheLockTheSameRaceOverBooks() throws Exception {
        registrations.lockSeats(false);
        try {
            int worst = 0;
            for (int attempt = 0; attempt < 3 && worst <= 50; attempt++) {
                long activity = race(50, 300);
                worst = Math.max(worst, count(activity, "CONFIRMED"));
            }
            assertThat(worst).as("confirmed seats without the lock").isGreaterThan(50);
        } finally {
            registrations.lockSeats(true);
        }
    }

    private long race(int capacity, int people) throws Exception {
        long activity = IDS.incrementAndGet();
        registrations.openSlot(activity, organizations.city().id(), "抢座测试" + activity, capacity, false, true,
                Instant.parse("2021-09-30T01:00:00Z"), Instant.parse("2021-09-30T04:00:00Z"));
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            actors.add(accounts.publicUser(String.valueOf(MOBILE.incrementAndGet())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (Actor a : actors) {
            results.add(pool.submit(() -> {
                start.await();
                return registrations.register(a, activity, new SignupForm("参加者", null));
            }));
        }
        start.countDown();
        for (Future<?> f : results) {
            f.get();
        }
        pool.shutdown();
        return activity;
    }

    private int count(long activity, String status) {
        return jdbc.sql("select count(*) from registration where activity_id = ? and status = ?")
                .params(activity, status).query(Integer.class).single();
    }
}
