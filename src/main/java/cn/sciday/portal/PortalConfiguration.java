package cn.sciday.portal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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

    @Bean
    PublicPaths portalPaths() {
        return PublicPaths.of("/", "/activities", "/activities/calendar", "/activities/map",
                "/activities/{id:[0-9]+}", "/notices", "/notices/{id:[0-9]+}", "/statement");
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
