package cn.sciday.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;

import cn.sciday.platform.CacheBus;
import cn.sciday.platform.CacheSpec;
import cn.sciday.web.PublicPaths;

/**
 * The portal's caches (declared as platform {@link CacheSpec}s: Caffeine with a short time to live as a safety net,
 * explicit eviction on every instance by {@link PortalCacheEviction} through the platform's cache bus) and its public
 * URLs. Activity pages are opened by a numeric pattern so that
 * {@code /activities/manage}, {@code /activities/{id}/signup} and {@code /activities/{id}/registrations} stay closed.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    /** The portal's public pages. */
    static final List<String> PAGES = List.of("/", "/activities", "/activities/calendar", "/activities/map",
            "/activities/{id:[0-9]+}", "/notices", "/notices/{id:[0-9]+}", "/statement");

    @Bean
    PublicPaths portalPaths() {
        return PublicPaths.of(PAGES.toArray(String[]::new));
    }

    /**
     * Rendered pages for anonymous readers: the portal's pages and the campaign page (cleared with them on a campaign
     * change). Off with {@code sciday.portal.page-cache.enabled=false}; entries live
     * {@code sciday.portal.page-cache.ttl} at most (default: the data caches' {@code sciday.portal.cache-ttl} when it
     * is set, else 10 s), which bounds how long a page shows the time of
     * day it was rendered at ("today", seats open until…).
     */
    @Bean
    CacheSpec renderedPagesCache(@Value("${sciday.portal.page-cache.ttl:${sciday.portal.cache-ttl:PT10S}}") Duration ttl) {
        return CacheSpec.of(PageCache.NAME, ttl, 1_000);
    }

    @Bean
    PageCache pageCache(CacheManager caches, CacheBus bus) {
        return new PageCache(caches, bus);
    }

    /** Runs just after Spring Security's filters: they tell who the reader is and add their headers to every answer. */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, LocaleResolver locales, Clock clock,
            @Value("${sciday.portal.page-cache.enabled:true}") boolean enabled) {
        List<String> cached = new ArrayList<>(PAGES);
        cached.add("/campaign");
        FilterRegistrationBean<PageCacheFilter> filter = new FilterRegistrationBean<>(
                new PageCacheFilter(cache, cached, locales, clock));
        filter.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        filter.setEnabled(enabled);
        return filter;
    }

    /** One {@link CacheSpec} bean per portal cache, living {@code sciday.portal.cache-ttl} (default 30 s). */
    @Bean
    static BeanDefinitionRegistryPostProcessor portalCacheSpecs() {
        return new PortalCacheSpecs();
    }

    static final class PortalCacheSpecs implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

        private Duration ttl = Duration.ofSeconds(30);

        @Override
        public void setEnvironment(Environment environment) {
            ttl = environment.getProperty("sciday.portal.cache-ttl", Duration.class, ttl);
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            for (String name : PublicCatalog.CACHES) {
                CacheSpec spec = CacheSpec.of(name, ttl, PublicCatalog.maximumSize(name));
                registry.registerBeanDefinition("cacheSpec." + name,
                        new RootBeanDefinition(CacheSpec.class, () -> spec));
            }
        }
    }
}
