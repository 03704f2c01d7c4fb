package cn.sciday.platform;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * A cache whose entries are computed outside the cache (a page rendered, a row read) while the data behind them may
 * change: a generation counter, moved on by {@link CacheBus} before every eviction or clearing of the cache on this
 * instance (ordered here or by another instance), keeps an entry computed from data that changed meanwhile from being
 * kept. Read {@link #generation()} before computing, hand it to {@link #put}: the entry is kept only if no eviction
 * began since.
 */
public final class GuardedCache {

    private final Cache cache;
    private final AtomicLong generation = new AtomicLong();

    public GuardedCache(CacheManager caches, CacheBus bus, String name) {
        this.cache = caches.getCache(name);
        if (cache == null) {
            throw new IllegalStateException("no cache named " + name + ": declare a CacheSpec for it");
        }
        bus.onEviction(name, generation::incrementAndGet);
    }

    public <T> T get(Object key, Class<T> type) {
        return cache.get(key, type);
    }

    /** The generation to hand back to {@link #put} with an entry computed from now on. */
    public long generation() {
        return generation.get();
    }

    /** Keeps the entry unless the cache lost entries after {@code computedIn} began. */
    public void put(Object key, Object value, long computedIn) {
        if (generation.get() != computedIn) {
            return;
        }
        cache.put(key, value);
        if (generation.get() != computedIn) {
            // an eviction began between the check and the put: it may have run before the put, so undo it
            cache.evict(key);
        }
    }
}
