package cn.sciday.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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
        container.setTaskExecutor(receiver());
        // subscribing and recovering keep the container's default (a thread of their own), not the receiver's thread
        container.setSubscriptionExecutor(new SimpleAsyncTaskExecutor("cache-bus-subscription-"));
        container.addMessageListener((message, pattern) -> bus.receive(
                new String(message.getBody(), StandardCharsets.UTF_8)), new ChannelTopic(channel));
        // started by cacheBusSubscription, which does not let an unreachable Redis stop the app from starting
        container.setAutoStartup(false);
        return container;
    }

    /**
     * Where received messages are applied: one daemon thread, in the order they came, that ends after ten idle
     * seconds (a later message starts it again). The container's default starts a new thread for every message.
     */
    static ExecutorService receiver() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 10,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "cache-bus-receive");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    Subscription cacheBusSubscription(RedisMessageListenerContainer cacheBusListener,
            @Value("${sciday.cache.subscribe-retry:PT5S}") Duration retry) {
        return new Subscription(cacheBusListener, retry);
    }

    /**
     * Starts the subscription to the cache channel. When Redis cannot be reached at start-up the app starts all the
     * same (everything Redis serves falls back: rate limits to memory, leaderboards and like counts to the database)
     * and the subscription is tried again every {@code sciday.cache.subscribe-retry} (5 s) in the background; until
     * it succeeds this instance does not hear other instances' invalidations and its caches' time to live bounds what
     * it shows. Once subscribed, Redis's client reconnects and resubscribes by itself after an outage.
     */
    static final class Subscription implements SmartLifecycle {

        private final RedisMessageListenerContainer container;
        private final Duration retry;
        private volatile boolean running;
        private volatile Thread retrying;

        Subscription(RedisMessageListenerContainer container, Duration retry) {
            this.container = container;
            this.retry = retry;
        }

        @Override
        public synchronized void start() {
            running = true;
            if (subscribe()) {
                return;
            }
            Thread t = new Thread(() -> {
                do {
                    try {
                        Thread.sleep(retry.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                } while (!subscribe());
            }, "cache-bus-subscribe");
            t.setDaemon(true);
            retrying = t;
            t.start();
        }

        /** One attempt; false (logged) when Redis cannot be reached. */
        private synchronized boolean subscribe() {
            if (!running) {
                return true;
            }
            try {
                container.start();
                if (retrying != null) {
                    log.info("Cache invalidations from other instances: subscribed to Redis");
                }
                return true;
            } catch (RuntimeException e) {
                if (retrying == null) {
                    log.warn("Cache invalidations from other instances: cannot subscribe to Redis ({}); trying again "
                            + "every {} in the background", e.toString(), retry);
                }
                container.stop();
                return false;
            }
        }

        @Override
        public void stop() {
            running = false;
            Thread t = retrying;
            if (t != null) {
                t.interrupt();
            }
            synchronized (this) {
                container.stop();
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        boolean listening() {
            return container.isListening();
        }
    }
}
