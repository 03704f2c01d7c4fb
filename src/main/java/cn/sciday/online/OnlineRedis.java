package cn.sciday.online;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What the Redis leaderboards and like counters share: the connection, the key prefix ({@code sciday.online.redis
 * .prefix}, one per database), how long a set built from the database is trusted before it is built again
 * ({@code sciday.online.redis.rebuild-every}) and a lock so that one instance at a time rebuilds a set.
 * <p>
 * Every set lives in a <em>generation</em>: {@code <scope>:gen} names the current one, a rebuild first moves to a
 * new (empty) generation, then reads the database and merges what it read, then marks the generation ready. Updates
 * after a commit merge into the current generation, so an update either lands before the rebuild's database read
 * (and is in it) or after the move (and is merged): none is lost. Keys of old generations expire.
 */
class OnlineRedis {

    private static final Logger log = LoggerFactory.getLogger(OnlineRedis.class);

    private static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""", Long.class);

    final StringRedisTemplate redis;
    final String prefix;
    final Duration rebuildEvery;

    OnlineRedis(StringRedisTemplate redis, String prefix, Duration rebuildEvery) {
        this.redis = redis;
        this.prefix = prefix;
        this.rebuildEvery = rebuildEvery;
    }

    /** How long a ready generation is trusted (its marker's time to live), in milliseconds. */
    String readyMillis() {
        return String.valueOf(rebuildEvery.toMillis());
    }

    /** How long a generation's sets live: twice the trust, so that they outlive their marker. */
    String keepMillis() {
        return String.valueOf(rebuildEvery.toMillis() * 2);
    }

    /**
     * Rebuilds a scope in a new generation: takes the lock, moves to the next generation, lets {@code fill} merge what
     * the database holds into it (returning how many entries), marks it ready. False when another instance holds the
     * lock (the caller then reads the database).
     */
    boolean rebuild(String scope, LongToIntFunction fill) {
        String token = lock(scope);
        if (token == null) {
            return false;
        }
        try {
            long generation = nextGeneration(scope);
            int entries = fill.applyAsInt(generation);
            markReady(scope, generation);
            log.info("{} rebuilt in Redis from the database: {} entries, generation {}", scope, entries, generation);
            return true;
        } finally {
            unlock(scope, token);
        }
    }

    /** Takes the rebuild lock of a scope for a minute; null when another instance holds it. */
    String lock(String scope) {
        String token = UUID.randomUUID().toString();
        Boolean ok = redis.opsForValue().setIfAbsent(scope + ":lock", token, 60, TimeUnit.SECONDS);
        return Boolean.TRUE.equals(ok) ? token : null;
    }

    void unlock(String scope, String token) {
        redis.execute(UNLOCK, List.of(scope + ":lock"), token);
    }

    /** Moves a scope to a new generation (a rebuild's first step, or after a change the sets cannot follow). */
    long nextGeneration(String scope) {
        Long gen = redis.opsForValue().increment(scope + ":gen");
        return gen == null ? 0 : gen;
    }

    void markReady(String scope, long generation) {
        redis.opsForValue().set(scope + ":g" + generation + ":ready", "1", rebuildEvery);
    }

    /** A non-negative number as a fixed-width decimal, so that strings sort as the numbers do. */
    static String pad(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        String s = Long.toString(value);
        if (s.length() > width) {
            throw new IllegalArgumentException("too large for " + width + " digits: " + value);
        }
        return "0".repeat(width - s.length()) + s;
    }
}
