package cn.sciday.online;

import java.time.Duration;
import java.time.Instant;

/**
 * Limits how often a key (a person, a client address) may like. The in-memory sliding window
 * ({@link LikeSlidingWindowLimiter}) serves one app instance; with several instances a shared store (Redis) can
 * implement this interface instead.
 */
public interface LikeRateLimiter {

    /**
     * Counts an attempt for {@code key} when fewer than {@code limit} attempts fall in the {@code window} before
     * {@code now}, and answers 0; otherwise counts nothing and answers the seconds until an attempt is allowed (≥ 1).
     */
    long acquire(String key, int limit, Duration window, Instant now);
}
