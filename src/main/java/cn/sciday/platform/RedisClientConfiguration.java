package cn.sciday.platform;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions;

/**
 * With Redis configured, a command sent while the connection to Redis is down fails at once instead of waiting in a
 * queue for the reconnection until the command timeout ({@code spring.data.redis.timeout}, 2 s). Everything that uses
 * Redis has a fallback (rate limits count in memory, leaderboards and like counts read the database, cache
 * invalidations wait for the time to live), so during an outage requests go on at their usual speed and none holds
 * a database connection while it waits for Redis. The client reconnects in the background.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
