package cn.sciday.platform;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link RateLimits} counting in Redis when Redis is configured (all instances share the counts), in this instance's
 * memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimits rateLimits(ObjectProvider<RedisRateLimitStore> redis, Clock clock, Environment env,
            ObjectProvider<MeterRegistry> meters) {
        RedisRateLimitStore shared = redis.getIfAvailable();
        RateLimitStore store = shared != null ? shared : new InMemoryRateLimitStore();
        return new RateLimits(store, clock, RateLimits.configured(env), meters.getIfAvailable());
    }

    /** Only with Redis configured. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisConfigured.class)
    static class Redis {

        @Bean
        RedisRateLimitStore redisRateLimitStore(StringRedisTemplate redis,
                @Value("${sciday.rate-limits.redis-prefix:sciday:rate:}") String prefix) {
            return new RedisRateLimitStore(redis, prefix, new InMemoryRateLimitStore());
        }
    }
}
