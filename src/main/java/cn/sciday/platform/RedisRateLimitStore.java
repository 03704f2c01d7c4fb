package cn.sciday.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A sliding window per key in Redis, shared by every app instance: a sorted set of the admitted requests' times,
 * trimmed, counted and added to by one Lua script (atomic in Redis), timed by Redis's own clock (one clock for all
 * instances) and expiring with its window. When Redis cannot be reached the request is counted in this instance's
 * memory instead (a warning is logged at most once a minute), so an outage of Redis loosens the limits to one
 * instance's view but never refuses everything or lets everything through.
 */
final class RedisRateLimitStore implements RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);

    /** KEYS[1] the key; ARGV: window (ms), limit, a unique member. Answers 0 (admitted) or the ms to wait. */
    static final RedisScript<Long> SCRIPT = RedisScript.of("""
            local key = KEYS[1]
            local window = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZCARD', key) < limit then
              redis.call('ZADD', key, now, ARGV[3])
              redis.call('PEXPIRE', key, window)
              return 0
            end
            local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
            local wait = tonumber(oldest[2]) + window - now
            if wait < 1 then wait = 1 end
            if wait > window then wait = window end
            return wait
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final RateLimitStore fallback;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();

    RedisRateLimitStore(StringRedisTemplate redis, String prefix, RateLimitStore fallback) {
        this.redis = redis;
        this.prefix = prefix;
        this.fallback = fallback;
    }

    @Override
    public long acquire(String key, int limit, Duration window, Clock clock) {
        try {
            Long wait = redis.execute(SCRIPT, List.of(prefix + key), String.valueOf(window.toMillis()),
                    String.valueOf(limit), instance + ":" + sequence.incrementAndGet());
            return wait == null ? 0 : wait;
        } catch (RuntimeException e) {
            long nowNanos = System.nanoTime();
            long last = lastWarning.get();
            if ((last == 0 || nowNanos - last > Duration.ofMinutes(1).toNanos())
                    && lastWarning.compareAndSet(last, nowNanos)) {
                log.warn("Rate limits: Redis cannot be reached ({}); counting in this instance's memory meanwhile",
                        e.toString());
            }
            return fallback.acquire(key, limit, window, clock);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }
}
