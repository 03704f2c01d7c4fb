package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

import com.jayway.jsonpath.JsonPath;

/**
 * Two instances of the app sharing Redis (and one database): a login on one is a login on the other (sessions in
 * Redis, {@code sciday.sessions=redis}), a cache eviction on one reaches the other over Redis pub/sub, and rate limits
 * count the attempts made on both.
 */
@EnabledIfEnvironmentVariable(named = "SCIDAY_TEST_REDIS_URL", matches = ".+",
        disabledReason = "Redis tests need SCIDAY_TEST_REDIS_URL, e.g. redis://127.0.0.1:6379 (set by .ci/run)")
class SeveralInstancesRedisTests {

    static final String PASSWORD = "Instances-2021!";

    static AppInstance a;
    static AppInstance b;

    @BeforeAll
    static void start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // both instances in this JVM share one in-memory H2 database by name
        String[] common = {"--spring.datasource.url=jdbc:h2:mem:instances-" + run + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                "--spring.data.redis.url=" + System.getenv("SCIDAY_TEST_REDIS_URL"), "--sciday.sessions=redis",
                "--spring.session.data.redis.namespace=sciday-test-" + run, "--sciday.cache.channel=sciday-test-" + run,
                "--sciday.rate-limits.redis-prefix=sciday-test-" + run + ":rate:",
                "--sciday.bootstrap.admin-password=" + PASSWORD};
        a = AppInstance.start(List.of(TestCaches.class), common);
        b = AppInstance.start(List.of(TestCaches.class), common);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aLoginOnOneInstanceIsALoginOnTheOther() throws Exception {
        AppInstance.Visitor visitor = new AppInstance.Visitor();
        HttpResponse<String> login = visitor.login(a, "admin", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(visitor.cookies()).containsKey("SESSION").doesNotContainKey("JSESSIONID");
        HttpResponse<String> me = visitor.get(b, "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"");
        assertThat(new AppInstance.Visitor().get(b, "/api/v1/me").statusCode()).isEqualTo(401);
        HttpResponse<String> health = visitor.get(b, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void anEvictionOnOneInstanceEvictsOnTheOther() {
        Cache onA = a.bean(CacheManager.class).getCache(TestCaches.NAME);
        Cache onB = b.bean(CacheManager.class).getCache(TestCaches.NAME);
        CacheBus busA = a.bean(CacheBus.class);
        assertThat(busA.instanceId()).isNotEqualTo(b.bean(CacheBus.class).instanceId());

        // the subscriptions start in the background: wait until a message gets through
        onB.put("warm-up", "x");
        assertThat(eventually(() -> {
            busA.evict(TestCaches.NAME, "warm-up");
            return onB.get("warm-up") == null;
        })).as("the instances hear each other over Redis").isTrue();

        onA.put("k1", "A");
        onB.put("k1", "B");
        onB.put(7L, "seven");
        onB.put("k2", "kept");
        busA.evict(TestCaches.NAME, "k1");
        assertThat(onA.get("k1")).isNull();
        assertThat(eventually(() -> onB.get("k1") == null)).as("evicted on the other instance").isTrue();
        JobLocks.sleep(300);
        assertThat(onB.get(7L)).as("other entries stay").isNotNull();
        assertThat(onB.get("k2")).isNotNull();

        busA.evict(TestCaches.NAME, 7L);
        assertThat(eventually(() -> onB.get(7L) == null)).as("numeric keys keep their type").isTrue();
        assertThat(onB.get("k2")).isNotNull();

        // a domain event published on one instance clears the cache on both
        onA.put("k3", "A");
        a.context().publishEvent(new TestCaches.PageChanged(1));
        assertThat(onA.get("k3")).isNull();
        assertThat(eventually(() -> onB.get("k2") == null)).as("cleared on the other instance").isTrue();
    }

    @Test
    void messagesAreAppliedOnOneReceivingThread() {
        Cache onB = b.bean(CacheManager.class).getCache(TestCaches.NAME);
        CacheBus busA = a.bean(CacheBus.class);
        onB.put("ready", "x");
        assertThat(eventually(() -> {
            busA.evict(TestCaches.NAME, "ready");
            return onB.get("ready") == null;
        })).as("the instances hear each other over Redis").isTrue();

        Set<String> threads = ConcurrentHashMap.newKeySet();
        b.bean(CacheBus.class).onEviction(TestCaches.NAME, () -> threads.add(Thread.currentThread().getName()));
        for (long i = 0; i < 40; i++) {
            onB.put(i, "v");
        }
        for (long i = 0; i < 40; i++) {
            busA.evict(TestCaches.NAME, i);
        }
        assertThat(eventually(() -> {
            for (long i = 0; i < 40; i++) {
                if (onB.get(i) != null) {
                    return false;
                }
            }
            return true;
        })).as("all forty evictions arrived").isTrue();
        assertThat(threads).as("applied on one thread, not a new thread per message").containsExactly(
                "cache-bus-receive");
    }

    @Test
    void aCacheThatLimitsItsBroadcastsIsClearedHereAtOnceAndElsewhereOnceAfterItsInterval() {
        Cache onA = a.bean(CacheManager.class).getCache(TestCaches.BOARD);
        Cache onB = b.bean(CacheManager.class).getCache(TestCaches.BOARD);
        AtomicInteger clearedOnB = new AtomicInteger();
        b.bean(CacheBus.class).onEviction(TestCaches.BOARD, clearedOnB::incrementAndGet);
        // wait until the instances hear each other (a message of another cache gets through)
        Cache pagesOnB = b.bean(CacheManager.class).getCache(TestCaches.NAME);
        pagesOnB.put("ready", "x");
        assertThat(eventually(() -> {
            a.bean(CacheBus.class).evict(TestCaches.NAME, "ready");
            return pagesOnB.get("ready") == null;
        })).isTrue();

        onB.put("top", "old");
        long first = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            onA.put("top", "A");
            a.context().publishEvent(new TestCaches.ScoreChanged(i));
            assertThat(onA.get("top")).as("cleared here at once").isNull();
        }
        assertThat(eventually(() -> onB.get("top") == null)).as("cleared on the other instance").isTrue();
        long waited = System.nanoTime() - first;
        assertThat(Duration.ofNanos(waited)).as("not before the interval").isGreaterThanOrEqualTo(
                TestCaches.BOARD_BROADCAST_EVERY.minusMillis(50));
        JobLocks.sleep(TestCaches.BOARD_BROADCAST_EVERY.toMillis() * 2);
        assertThat(clearedOnB.get()).as("fifty events, one message").isEqualTo(1);

        onB.put("top", "again");
        a.context().publishEvent(new TestCaches.ScoreChanged(99));
        assertThat(eventually(() -> onB.get("top") == null)).as("a later event sends another message").isTrue();
        assertThat(clearedOnB.get()).isEqualTo(2);
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedByTheOtherThatKeptIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(a.url("/api/v1/tokens")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = JsonPath.read(issued.body(), "$.token");
        long id = ((Number) JsonPath.read(issued.body(), "$.tokenId")).longValue();
        assertThat(me(http, b, token)).as("b keeps the token it found").isEqualTo(200);

        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(a.url("/api/v1/tokens/" + id)))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(me(http, a, token)).isEqualTo(401);
        assertThat(eventually(() -> me(http, b, token) == 401)).as("refused on the other instance too").isTrue();
    }

    static int me(HttpClient http, AppInstance app, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/me")))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLoginRateLimitHoldsAcrossInstancesAndAnswersTheErrorPage() throws Exception {
        assertThat(a.bean(RateLimits.class).shared()).isTrue();
        String name = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        AppInstance.Visitor visitor = new AppInstance.Visitor();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = visitor.login(i % 2 == 0 ? a : b, name, "wrong-password");
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        // ten attempts for the name in all: the eleventh is refused on either instance, before the password check
        for (AppInstance instance : List.of(a, b)) {
            HttpResponse<String> refused = visitor.login(instance, name, "wrong-password");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
            assertThat(refused.body()).contains("登录尝试太频繁了").contains("跳到主要内容").doesNotContain("Exception");
        }
        // the negative control of the count itself is RateLimitsRedisTests: two in-memory limiters admit twice
    }

    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            JobLocks.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
