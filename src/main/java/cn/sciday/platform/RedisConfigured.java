package cn.sciday.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when Redis is configured ({@code spring.data.redis.url} or {@code spring.data.redis.host} is set). */
class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment() instanceof ConfigurableEnvironment env && PlatformEnvironment.redisConfigured(env);
    }
}
