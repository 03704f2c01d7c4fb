package cn.sciday.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Redis is configured ({@code spring.data.redis.url} or {@code spring.data.redis.host} is set). Other
 * modules put it on their Redis-only beans ({@code @Conditional(RedisConfigured.class)}); {@link Not} is the
 * opposite, for the beans used without Redis.
 */
public class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment() instanceof ConfigurableEnvironment env && PlatformEnvironment.redisConfigured(env);
    }

    /** Matches when Redis is not configured. */
    public static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new RedisConfigured().matches(context, metadata);
        }
    }
}
