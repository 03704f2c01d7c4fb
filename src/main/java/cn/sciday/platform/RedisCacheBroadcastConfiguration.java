package cn.sciday.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * With Redis configured, cache invalidations go to the other instances over the pub/sub channel
 * {@code sciday.cache.channel} (default {@code sciday:cache}). Pub/sub is fire-and-forget: a message sent while an
 * instance is disconnected is lost there, and the cache's time to live ends the staleness.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisCacheBroadcastConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheBroadcastConfiguration.class);

    @Bean
    CacheBroadcast redisCacheBroadcast(StringRedisTemplate redis,
            @Value("${sciday.cache.channel:sciday:cache}") String channel) {
        return message -> {
            try {
                redis.convertAndSend(channel, message);
            } catch (RuntimeException e) {
                log.warn("Could not send a cache invalidation to the other instances: {}", e.toString());
            }
        };
    }

    @Bean
    RedisMessageListenerContainer cacheBusListener(RedisConnectionFactory connections, CacheBus bus,
            @Value("${sciday.cache.channel:sciday:cache}") String channel) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> bus.receive(
                new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8)), new ChannelTopic(channel));
        return container;
    }
}
