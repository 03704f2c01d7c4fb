package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCacheManager;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Two instances' caches joined by an in-memory broadcast (Redis in production; see SeveralInstancesRedisTests). */
class CacheBusTests {

    record Published(long id) {
    }

    record Unrelated(long id) {
    }

    static final CacheSpec SPEC = CacheSpec.of("t.pages", Duration.ofMinutes(5), 10).clearedOn(Published.class);

    final List<CacheBus> instances = new ArrayList<>();
    final Map<CacheBus, CaffeineCacheManager> managers = new IdentityHashMap<>();

    CacheBus instance(String id) {
        CaffeineCacheManager caches = new CaffeineCacheManager();
        caches.registerCustomCache(SPEC.name(), Caffeine.newBuilder().recordStats().build());
        CacheBus bus = new CacheBus(caches, List.of(SPEC), message -> instances.forEach(i -> i.receive(message)), id);
        instances.add(bus);
        managers.put(bus, caches);
        return bus;
    }

    Cache cache(CacheBus bus) {
        return managers.get(bus).getCache(SPEC.name());
    }

    @Test
    void evictionsAndClearsReachEveryInstance() {
        CacheBus a = instance("a");
        CacheBus b = instance("b");
        cache(a).put("x", 1);
        cache(b).put("x", 2);
        cache(b).put(5L, 3);
        cache(b).put(6, 4);
        cache(b).put("y", 5);

        a.evict(SPEC.name(), "x");
        assertThat(cache(a).get("x")).isNull();
        assertThat(cache(b).get("x")).isNull();
        assertThat(cache(b).get(5L)).isNotNull();

        a.evict(SPEC.name(), 5L);
        a.evict(SPEC.name(), 6);
        assertThat(cache(b).get(5L)).isNull();
        assertThat(cache(b).get(6)).isNull();
        assertThat(cache(b).get("y")).isNotNull();

        a.evict(SPEC.name(), List.of("composite"));
        assertThat(cache(b).get("y")).as("a key that cannot travel clears the cache elsewhere").isNull();

        cache(b).put("z", 1);
        a.clear(SPEC.name());
        assertThat(cache(b).get("z")).isNull();
    }

    @Test
    void theEventsACacheNamesClearItEverywhereAndOthersDoNot() {
        CacheBus a = instance("a");
        CacheBus b = instance("b");
        cache(b).put("x", 1);
        a.on(new Unrelated(1));
        assertThat(cache(b).get("x")).isNotNull();
        a.on(new Published(1));
        assertThat(cache(b).get("x")).isNull();
    }

    @Test
    void ownAndMalformedMessagesAreIgnored() {
        CacheBus a = instance("a");
        cache(a).put("x", 1);
        a.receive("a\tclear\tt.pages\t");
        assertThat(cache(a).get("x")).as("its own echo").isNotNull();
        a.receive("garbage");
        a.receive("b\tevict\tt.pages\tl:not-a-number");
        a.receive("b\tevict\tunknown-cache\ts:x");
        assertThat(cache(a).get("x")).isNotNull();
        a.receive("b\tevict\tt.pages\ts:x");
        assertThat(cache(a).get("x")).isNull();
    }

    @Test
    void evictionListenersHearEveryLocalAndRemoteOrderForTheirCacheOnly() {
        CacheBus a = instance("a");
        CacheBus b = instance("b");
        List<String> heard = new ArrayList<>();
        b.onEviction(SPEC.name(), () -> heard.add("pages"));
        b.onEviction("other", () -> heard.add("other"));

        b.evict(SPEC.name(), "x");
        b.clear(SPEC.name());
        assertThat(heard).as("orders given on the instance itself").containsExactly("pages", "pages");

        a.evict(SPEC.name(), "x");
        a.clear(SPEC.name());
        a.on(new Published(1));
        assertThat(heard).as("orders from another instance").hasSize(5).containsOnly("pages");

        b.clear("unrelated");
        a.clear("unrelated");
        assertThat(heard).as("another cache's orders").hasSize(5);
    }

    @Test
    void aCacheThatLimitsItsBroadcastsSendsOneMessagePerIntervalAndLosesNoEvent() {
        CacheSpec board = CacheSpec.of("t.board", Duration.ofSeconds(2), 10).clearedOn(Published.class)
                .broadcastAtMostEvery(Duration.ofMillis(250));
        List<Runnable> scheduled = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        CaffeineCacheManager here = new CaffeineCacheManager();
        here.registerCustomCache(board.name(), Caffeine.newBuilder().build());
        CacheBus a = new CacheBus(here, List.of(board), sent::add, "a", (delay, task) -> {
            delays.add(delay);
            scheduled.add(task);
        });
        Cache cache = here.getCache(board.name());

        for (int i = 0; i < 100; i++) {
            cache.put("top", i);
            a.on(new Published(i));
            assertThat(cache.get("top")).as("cleared here at once").isNull();
        }
        assertThat(sent).as("nothing sent before the interval").isEmpty();
        assertThat(scheduled).as("one message scheduled for a hundred events").hasSize(1);
        assertThat(delays).containsExactly(Duration.ofMillis(250));

        scheduled.remove(0).run();
        assertThat(sent).containsExactly("a\tclear\tt.board\t");

        a.on(new Published(101));
        assertThat(scheduled).as("an event after the message schedules the next").hasSize(1);
        scheduled.remove(0).run();
        assertThat(sent).hasSize(2);
    }

    @Test
    void aCacheThatLimitsItsBroadcastsSchedulesNothingOnOneMachine() {
        CacheSpec board = CacheSpec.of("t.board", Duration.ofSeconds(2), 10).clearedOn(Published.class)
                .broadcastAtMostEvery(Duration.ofMillis(250));
        List<Runnable> scheduled = new ArrayList<>();
        CaffeineCacheManager here = new CaffeineCacheManager();
        here.registerCustomCache(board.name(), Caffeine.newBuilder().build());
        CacheBus alone = new CacheBus(here, List.of(board), CacheBroadcast.NONE, "a",
                (delay, task) -> scheduled.add(task));
        here.getCache(board.name()).put("top", 1);
        alone.on(new Published(1));
        assertThat(here.getCache(board.name()).get("top")).isNull();
        assertThat(scheduled).isEmpty();
    }

    @Test
    void whatIsScheduledIsSentWhenTheBusCloses() throws Exception {
        CacheSpec board = CacheSpec.of("t.board", Duration.ofMinutes(1), 10).clearedOn(Published.class)
                .broadcastAtMostEvery(Duration.ofSeconds(30));
        List<String> sent = new CopyOnWriteArrayList<>();
        CaffeineCacheManager here = new CaffeineCacheManager();
        CacheBus a = new CacheBus(here, List.of(board), sent::add, "a");
        a.on(new Published(1));
        assertThat(sent).isEmpty();
        a.close();
        assertThat(sent).containsExactly("a\tclear\tt.board\t");
        a.on(new Published(2));
        assertThat(sent).as("after closing, at once").hasSize(2);
    }

    @Test
    void aBroadcastIntervalMustBeShorterThanTheTimeToLive() {
        CacheSpec spec = CacheSpec.of("t.board", Duration.ofSeconds(2), 10);
        assertThatThrownBy(() -> spec.broadcastAtMostEvery(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t.board");
        assertThatThrownBy(() -> spec.broadcastAtMostEvery(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(spec.broadcastAtMostEvery(Duration.ofMillis(250)).clearedOn(Published.class).broadcastEvery())
                .as("kept by clearedOn").isEqualTo(Duration.ofMillis(250));
    }
}
