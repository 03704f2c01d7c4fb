package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;

import com.github.benmanes.caffeine.cache.Caffeine;

/** An entry computed while its cache was being cleared is not kept; one computed after is. */
class GuardedCacheTests {

    final CaffeineCacheManager caches = new CaffeineCacheManager();
    final CacheBus bus = new CacheBus(caches, List.of(), CacheBroadcast.NONE, "a");

    @Test
    void anEntryComputedBeforeAClearingEndedIsNotKept() {
        caches.registerCustomCache("t.rows", Caffeine.newBuilder().build());
        GuardedCache rows = new GuardedCache(caches, bus, "t.rows");
        long before = rows.generation();
        bus.clear("t.rows");
        rows.put("k", "stale", before);
        assertThat(rows.get("k", String.class)).isNull();

        rows.put("k", "fresh", rows.generation());
        assertThat(rows.get("k", String.class)).as("negative control: computed after the clearing").isEqualTo("fresh");

        long again = rows.generation();
        bus.evict("t.rows", "other");
        rows.put("k2", "stale", again);
        assertThat(rows.get("k2", String.class)).as("an eviction of any key counts too").isNull();
    }

    @Test
    void aClearingThatRunsBetweenTheCheckAndThePutUndoesThePut() {
        // a cache whose put lets a clearing (ordered by another thread, say) run just before it stores
        CaffeineCacheManager racing = new CaffeineCacheManager() {
            @Override
            protected Cache adaptCaffeineCache(String name, com.github.benmanes.caffeine.cache.Cache<Object, Object> c) {
                return new CaffeineCache(name, c) {
                    @Override
                    public void put(Object key, Object value) {
                        racingBus.clear(name);
                        super.put(key, value);
                    }
                };
            }
        };
        racing.registerCustomCache("t.raced", Caffeine.newBuilder().build());
        racingBus = new CacheBus(racing, List.of(), CacheBroadcast.NONE, "b");
        GuardedCache raced = new GuardedCache(racing, racingBus, "t.raced");
        raced.put("k", "v", raced.generation());
        assertThat(raced.get("k", String.class)).isNull();
    }

    CacheBus racingBus;

    @Test
    void aCacheWithoutASpecIsAMistakeFoundAtStartUp() {
        CaffeineCacheManager fixed = new CaffeineCacheManager("only");
        assertThatThrownBy(() -> new GuardedCache(fixed, new CacheBus(fixed, List.of(), CacheBroadcast.NONE, "c"),
                "missing")).isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }
}
