package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.lettuce.core.RedisURI;

/**
 * Two "app instances" (two {@link RateLimits}, each with its own connection) sharing one Redis admit together exactly
 * the limit under concurrent calls; the negative control, two in-memory limiters, admits twice the limit.
 */
@EnabledIfEnvironmentVariable(named = "SCIDAY_TEST_REDIS_URL", matches = ".+",
        disabledReason = "Redis tests need SCIDAY_TEST_REDIS_URL, e.g. redis://127.0.0.1:6379 (set by .ci/run)")
class RateLimitsRedisTests {

    static final int LIMIT = 25;
    static final int CALLS_PER_INSTANCE = 100;

    static LettuceConnectionFactory connectionsA;
    static LettuceConnectionFactory connectionsB;
    static String prefix;

    @BeforeAll
    static void connect() {
        connectionsA = connections();
        connectionsB = connections();
        prefix = "sciday-test-rate:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterAll
    static void disconnect() {
        StringRedisTemplate redis = new StringRedisTemplate(connectionsA);
        redis.delete(redis.keys(prefix + "*"));
        connectionsA.destroy();
        connectionsB.destroy();
    }

    static LettuceConnectionFactory connections() {
        RedisURI uri = RedisURI.create(System.getenv("SCIDAY_TEST_REDIS_URL"));
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        config.setDatabase(uri.getDatabase());
        if (uri.getPassword() != null) {
            config.setPassword(uri.getPassword());
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    static RateLimits onRedis(LettuceConnectionFactory connections) {
        return new RateLimits(new RedisRateLimitStore(new StringRedisTemplate(connections), prefix,
                new InMemoryRateLimitStore()), Clock.systemUTC(), Map.of());
    }

    static RateLimits inMemory() {
        return new RateLimits(new InMemoryRateLimitStore(), Clock.systemUTC(), Map.of());
    }

    @Test
    void twoInstancesSharingRedisAdmitExactlyTheLimitTogether() throws Exception {
        RateLimits a = onRedis(connectionsA);
        RateLimits b = onRedis(connectionsB);
        assertThat(a.shared()).isTrue();
        assertThat(admittedConcurrently(a, b, "race-" + UUID.randomUUID())).isEqualTo(LIMIT);
    }

    @Test
    void negativeControlTwoInMemoryLimitersAdmitTwiceTheLimit() throws Exception {
        RateLimits a = inMemory();
        RateLimits b = inMemory();
        assertThat(a.shared()).isFalse();
        assertThat(admittedConcurrently(a, b, "race-" + UUID.randomUUID())).isEqualTo(2 * LIMIT);
    }

    @Test
    void theOtherInstanceSaysHowLongToWaitAndTheWindowSlides() throws Exception {
        RateLimits a = onRedis(connectionsA);
        RateLimits b = onRedis(connectionsB);
        Duration window = Duration.ofSeconds(2);
        assertThat(a.acquire("slide", "k", 2, window).admitted()).isTrue();
        assertThat(b.acquire("slide", "k", 2, window).admitted()).isTrue();
        RateLimits.Decision refused = a.acquire("slide", "k", 2, window);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
        assertThat(b.acquire("slide", "other-key", 2, window).admitted()).isTrue();
        Thread.sleep(2_100);
        assertThat(b.acquire("slide", "k", 2, window).admitted()).as("after the window").isTrue();
        // the key expires with its window: Redis keeps no idle keys
        StringRedisTemplate redis = new StringRedisTemplate(connectionsA);
        Long ttl = redis.getExpire(prefix + RateLimits.storeKey("slide", "k"));
        assertThat(ttl).isBetween(0L, 2L);
    }

    @Test
    void withoutRedisItCountsInMemoryInsteadOfFailing() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RateLimits limits = onRedis(nowhere);
            assertThat(limits.acquire("down", "k", 1, Duration.ofMinutes(1)).admitted()).isTrue();
            assertThat(limits.acquire("down", "k", 1, Duration.ofMinutes(1)).admitted()).isFalse();
        } finally {
            nowhere.destroy();
        }
    }

    /** Each instance calls from 8 threads at once; answers how many calls were admitted in all. */
    static int admittedConcurrently(RateLimits a, RateLimits b, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (RateLimits instance : List.of(a, b)) {
                for (int t = 0; t < 8; t++) {
                    jobs.add(() -> {
                        start.await();
                        int admitted = 0;
                        for (int i = 0; i < CALLS_PER_INSTANCE / 8 + 1; i++) {
                            if (instance.acquire("likes", key, LIMIT, Duration.ofMinutes(1)).admitted()) {
                                admitted++;
                            }
                        }
                        return admitted;
                    });
                }
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> job : jobs) {
                results.add(pool.submit(job));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> r : results) {
                total += r.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
