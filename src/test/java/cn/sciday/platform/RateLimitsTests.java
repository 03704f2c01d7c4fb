package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import cn.sciday.MutableClock;
import cn.sciday.platform.RateLimits.Decision;
import cn.sciday.platform.RateLimits.Limit;
import cn.sciday.platform.RateLimits.Rule;

/** The in-memory sliding window, its eviction, the named rules and their settings; no Spring context. */
class RateLimitsTests {

    static final Instant T0 = Instant.parse("2021-09-15T01:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void theWindowAdmitsTheLimitThenSaysHowLongToWait() {
        InMemoryRateLimitStore store = new InMemoryRateLimitStore();
        for (int i = 0; i < 3; i++) {
            assertThat(store.acquire("p:1", 3, MINUTE, at(T0.plusSeconds(i * 10)))).isZero();
        }
        assertThat(store.acquire("p:1", 3, MINUTE, at(T0.plusSeconds(30)))).isEqualTo(30_000);
        assertThat(store.acquire("p:2", 3, MINUTE, at(T0.plusSeconds(30)))).as("another key").isZero();
        // the first request leaves the window at T0+60s; refused requests did not count
        assertThat(store.acquire("p:1", 3, MINUTE, at(T0.plusSeconds(59)))).isEqualTo(1_000);
        assertThat(store.acquire("p:1", 3, MINUTE, at(T0.plusSeconds(60)))).isZero();
        assertThat(store.acquire("p:1", 3, MINUTE, at(T0.plusSeconds(61)))).isEqualTo(9_000);
    }

    @Test
    void aClockSetBackForgetsTheRequestsAfterIt() {
        InMemoryRateLimitStore store = new InMemoryRateLimitStore();
        assertThat(store.acquire("k", 1, MINUTE, at(T0.plusSeconds(300)))).isZero();
        assertThat(store.acquire("k", 1, MINUTE, at(T0))).as("the request 'from the future' does not count").isZero();
        assertThat(store.acquire("k", 1, MINUTE, at(T0))).isEqualTo(60_000);
    }

    @Test
    void theRingAnswersAsAFullScanOfTheWindowWould() {
        java.util.Random random = new java.util.Random(42);
        for (int limit : new int[] {1, 3, 64, 65, 500}) {
            InMemoryRateLimitStore.Window ring = new InMemoryRateLimitStore.Window(limit, Duration.ofSeconds(10));
            java.util.List<Long> model = new java.util.ArrayList<>();
            long now = 1_000_000;
            for (int i = 0; i < 20_000; i++) {
                // mostly forward by 0-60 ms, now and then a pause, rarely the clock set back
                int r = random.nextInt(1000);
                now += r < 990 ? random.nextInt(60) : r < 998 ? 5_000 + random.nextInt(10_000) : -random.nextInt(20_000);
                assertThat(ring.acquire(now, limit, 10_000)).as("limit %d, request %d", limit, i)
                        .isEqualTo(fullScan(model, now, limit, 10_000));
            }
        }
    }

    /** The window as the first version kept it: every admitted time, all of them looked at on each request. */
    private static long fullScan(java.util.List<Long> times, long now, int limit, long windowMillis) {
        times.removeIf(t -> t <= now - windowMillis || t > now);
        if (times.size() >= limit) {
            return Math.max(1, times.stream().mapToLong(Long::longValue).min().orElseThrow() + windowMillis - now);
        }
        times.add(now);
        return 0;
    }

    @Test
    void idleKeysAreEvictedAndTheNumberOfKeysIsBounded() {
        AtomicLong nanos = new AtomicLong();
        InMemoryRateLimitStore store = new InMemoryRateLimitStore(1_000, nanos::get);
        for (int i = 0; i < 100; i++) {
            store.acquire("a:" + i, 5, MINUTE, at(T0));
        }
        assertThat(store.keys()).isEqualTo(100);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        store.acquire("a:fresh", 5, MINUTE, at(T0.plusSeconds(61)));
        assertThat(store.keys()).as("idle for longer than their window").isEqualTo(1);

        InMemoryRateLimitStore small = new InMemoryRateLimitStore(50, nanos::get);
        for (int i = 0; i < 5_000; i++) {
            small.acquire("flood:" + i, 5, MINUTE, at(T0));
        }
        assertThat(small.keys()).isLessThanOrEqualTo(50);
    }

    @Test
    void rateLimitsUseTheClockAndRoundTheWaitUpToSeconds() {
        MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
        RateLimits limits = new RateLimits(new InMemoryRateLimitStore(), clock, Map.of());
        assertThat(limits.acquire("b", "k", 2, MINUTE).admitted()).isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(limits.acquire("b", "k", 2, MINUTE).admitted()).isTrue();
        clock.advance(Duration.ofMillis(200));
        assertThat(limits.acquire("b", "k", 2, MINUTE)).isEqualTo(new Decision(false, 60));
        assertThat(limits.acquire("other-bucket", "k", 2, MINUTE).admitted()).as("buckets are apart").isTrue();
        clock.advance(Duration.ofSeconds(59).plusMillis(300));
        assertThat(limits.acquire("b", "k", 2, MINUTE).admitted()).isTrue();
    }

    @Test
    void refusalsAreCountedByBucket() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimits limits = new RateLimits(new InMemoryRateLimitStore(), new MutableClock(T0, ZoneOffset.UTC),
                Map.of(), meters);
        for (int i = 0; i < 4; i++) {
            limits.acquire("signup-per-person", "1", 1, MINUTE);
        }
        limits.acquire("imports-per-account", "1", 5, MINUTE);
        assertThat(meters.get(RateLimits.REFUSED).tag("bucket", "signup-per-person").counter().count()).isEqualTo(3);
        assertThat(meters.find(RateLimits.REFUSED).tag("bucket", "imports-per-account").counter()).isNull();
    }

    @Test
    void checkThrowsWhatTheCallerMakesOfTheWait() {
        MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
        Map<Rule, Limit> configured = new EnumMap<>(Rule.class);
        configured.put(Rule.SIGNUP_PER_PERSON, new Limit(1, Duration.ofMinutes(2)));
        RateLimits limits = new RateLimits(new InMemoryRateLimitStore(), clock, configured);
        limits.check(Rule.SIGNUP_PER_PERSON, "42", s -> new IllegalStateException("wait " + s));
        assertThatThrownBy(() -> limits.check(Rule.SIGNUP_PER_PERSON, "42", s -> new IllegalStateException("wait " + s)))
                .hasMessage("wait 120");
        limits.check(Rule.SIGNUP_PER_PERSON, "43", s -> new IllegalStateException("wait " + s));
        assertThat(limits.limit(Rule.SIGNUP_PER_ADDRESS)).isEqualTo(Rule.SIGNUP_PER_ADDRESS.defaultLimit());
    }

    @Test
    void rawKeysNeverReachTheStore() {
        String key = RateLimits.storeKey("code-per-number", "13800138000");
        assertThat(key).startsWith("code-per-number:").doesNotContain("13800138000");
        assertThat(RateLimits.storeKey("code-per-number", "13800138000")).isEqualTo(key);
        assertThat(RateLimits.storeKey("code-per-address", "13800138000")).isNotEqualTo(key);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        Map<Rule, Limit> defaults = RateLimits.configured(new MockEnvironment());
        assertThat(defaults).containsEntry(Rule.LOGIN_PER_ACCOUNT, new Limit(10, Duration.ofMinutes(5)))
                .containsEntry(Rule.LOGIN_PER_ADDRESS, new Limit(30, Duration.ofMinutes(5)))
                .containsEntry(Rule.CODE_PER_NUMBER, new Limit(1, Duration.ofMinutes(1)))
                .containsEntry(Rule.CODE_PER_NUMBER_HOURLY, new Limit(5, Duration.ofHours(1)))
                .containsEntry(Rule.CODE_PER_ADDRESS, new Limit(20, Duration.ofHours(1)))
                .containsEntry(Rule.QUIZ_STARTS_PER_PERSON, new Limit(10, Duration.ofMinutes(1)))
                .containsEntry(Rule.SIGNUP_PER_PERSON, new Limit(10, Duration.ofMinutes(1)))
                .containsEntry(Rule.SIGNUP_PER_ADDRESS, new Limit(60, Duration.ofMinutes(1)))
                .containsEntry(Rule.IMPORTS_PER_ACCOUNT, new Limit(10, Duration.ofMinutes(10)))
                .hasSize(Rule.values().length);
    }

    @Test
    void applicationYmlShipsTheDefaults() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(source);
        }
        for (Rule rule : Rule.values()) {
            assertThat(env.getProperty(RateLimits.PREFIX + rule.property() + ".limit"))
                    .as(rule.property() + " is listed in application.yml").isNotNull();
        }
        assertThat(RateLimits.configured(env)).isEqualTo(RateLimits.configured(new MockEnvironment()));
    }

    @Test
    void settingsOverrideTheDefaultsOneByOneAndBadValuesStopStartUp() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("sciday.rate-limits.login-per-address.limit", "100")
                .withProperty("sciday.rate-limits.imports-per-account.window", "1h");
        Map<Rule, Limit> limits = RateLimits.configured(env);
        assertThat(limits.get(Rule.LOGIN_PER_ADDRESS)).isEqualTo(new Limit(100, Duration.ofMinutes(5)));
        assertThat(limits.get(Rule.IMPORTS_PER_ACCOUNT)).isEqualTo(new Limit(10, Duration.ofHours(1)));

        assertThatThrownBy(() -> RateLimits.configured(new MockEnvironment()
                .withProperty("sciday.rate-limits.signup-per-person.limit", "0")))
                .hasMessageContaining("sciday.rate-limits.signup-per-person").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RateLimits.configured(new MockEnvironment()
                .withProperty("sciday.rate-limits.signup-per-person.window", "0s")))
                .hasMessageContaining("sciday.rate-limits.signup-per-person");
    }
}
