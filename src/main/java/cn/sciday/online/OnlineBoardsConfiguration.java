package cn.sciday.online;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.sciday.platform.RedisConfigured;

/**
 * Chooses where leaderboards and like counts are read from: the database when Redis is not configured, Redis sorted
 * sets and counters when it is ({@code spring.data.redis.url} or {@code .host}). The callers ({@link QuizLeaderboard},
 * {@link Likes}, {@link VideoEntries}, {@link Volunteers}) see no difference.
 */
@Configuration(proxyBeanMethods = false)
class OnlineBoardsConfiguration {

    @Bean
    @Conditional(RedisConfigured.Not.class)
    DatabaseQuizBoards databaseQuizBoards(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new DatabaseQuizBoards(jdbc, transactions);
    }

    @Bean
    @Conditional(RedisConfigured.Not.class)
    DatabaseLikeCounts databaseLikeCounts(LikeRepository likes) {
        return new DatabaseLikeCounts(likes);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisConfigured.class)
    static class WithRedis {

        @Bean
        OnlineRedis onlineRedis(StringRedisTemplate redis,
                @Value("${sciday.online.redis.prefix:sciday:}") String prefix,
                @Value("${sciday.online.redis.rebuild-every:PT1H}") Duration rebuildEvery) {
            if (rebuildEvery.isNegative() || rebuildEvery.isZero()) {
                throw new IllegalStateException("sciday.online.redis.rebuild-every must be positive, e.g. PT1H");
            }
            return new OnlineRedis(redis, prefix, rebuildEvery);
        }

        @Bean
        RedisQuizBoards redisQuizBoards(OnlineRedis redis, JdbcClient jdbc, PlatformTransactionManager transactions,
                @Value("${sciday.online.redis.merge-delay:PT0.01S}") Duration mergeDelay) {
            if (mergeDelay.isNegative()) {
                throw new IllegalStateException("sciday.online.redis.merge-delay cannot be negative, e.g. PT0.01S");
            }
            return new RedisQuizBoards(redis, new DatabaseQuizBoards(jdbc, transactions), mergeDelay);
        }

        @Bean
        RedisLikeCounts redisLikeCounts(OnlineRedis redis, LikeRepository likes) {
            return new RedisLikeCounts(redis, likes);
        }
    }
}
