package cn.sciday.portal;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

import cn.sciday.platform.CacheBus;

/**
 * Rendered public pages for readers who are not logged in (cache {@value #NAME}), cleared on every instance by the
 * same events that clear the portal's data ({@link PortalCacheEviction}). A page is rendered outside the cache, so a
 * generation counter, moved on before every clearing, keeps a page rendered from data that changed meanwhile from
 * being kept: it is stored only if no clearing began while it was rendered.
 */
final class PageCache {

    static final String NAME = "portal.pages";

    private final Cache pages;
    private final AtomicLong generation = new AtomicLong();

    PageCache(CacheManager caches, CacheBus bus) {
        this.pages = caches.getCache(NAME);
        bus.onEviction(NAME, generation::incrementAndGet);
    }

    CachedPage get(String key) {
        return pages.get(key, CachedPage.class);
    }

    /** The generation to hand back to {@link #put} with a page rendered from now on. */
    long generation() {
        return generation.get();
    }

    /** Keeps the page unless the cache was cleared after {@code renderedIn} began. */
    void put(String key, CachedPage page, long renderedIn) {
        if (generation.get() != renderedIn) {
            return;
        }
        pages.put(key, page);
        if (generation.get() != renderedIn) {
            // a clearing began between the check and the put: it may have run before the put, so undo it
            pages.evict(key);
        }
    }
}
