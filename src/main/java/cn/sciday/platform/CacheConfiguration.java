package cn.sciday.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine caches for Spring's cache abstraction ({@code @Cacheable("name")} or {@link CacheManager}): one per
 * {@link CacheSpec} bean, with statistics on, so {@code /actuator/prometheus} shows {@code cache_gets_total} by
 * {@code result} (hit/miss) for each. An undeclared name gets a small default cache (one minute, 1,000 entries).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    @Bean
    CaffeineCacheManager cacheManager(ObjectProvider<CacheSpec> specs) {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setCaffeine(Caffeine.newBuilder().recordStats().expireAfterWrite(Duration.ofMinutes(1))
                .maximumSize(1_000));
        specs.orderedStream().forEach(spec -> manager.registerCustomCache(spec.name(), Caffeine.newBuilder()
                .recordStats().expireAfterWrite(spec.timeToLive()).maximumSize(spec.maximumSize()).build()));
        return manager;
    }

    @Bean
    CacheBus cacheBus(CacheManager caches, ObjectProvider<CacheSpec> specs, ObjectProvider<CacheBroadcast> broadcast,
            @Value("${sciday.instance-id:}") String instanceId) {
        List<CacheSpec> all = specs.orderedStream().toList();
        return new CacheBus(caches, all, broadcast.getIfAvailable(() -> CacheBroadcast.NONE),
                instanceId.isBlank() ? InstanceId.generate() : instanceId);
    }
}
