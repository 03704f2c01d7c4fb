package cn.sciday.portal;

import org.springframework.cache.CacheManager;

import cn.sciday.platform.CacheBus;
import cn.sciday.platform.GuardedCache;

/**
 * Rendered public pages for readers who are not logged in (cache {@value #NAME}), cleared on every instance by the
 * same events that clear the portal's data ({@link PortalCacheEviction}). A page is rendered outside the cache, so it
 * is stored only if no clearing began while it was rendered ({@link GuardedCache}).
 */
final class PageCache {

    static final String NAME = "portal.pages";

    private final GuardedCache pages;

    PageCache(CacheManager caches, CacheBus bus) {
        this.pages = new GuardedCache(caches, bus, NAME);
    }

    CachedPage get(String key) {
        return pages.get(key, CachedPage.class);
    }

    /** The generation to hand back to {@link #put} with a page rendered from now on. */
    long generation() {
        return pages.generation();
    }

    /** Keeps the page unless the cache was cleared after {@code renderedIn} began. */
    void put(String key, CachedPage page, long renderedIn) {
        pages.put(key, page, renderedIn);
    }
}
