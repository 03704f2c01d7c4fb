package cn.sciday.online;

import java.time.Duration;

/**
 * Limits how often a key (a person, a client address) may like or comment. Backed by the platform's
 * {@link cn.sciday.platform.RateLimits} ({@link LikeLimits}): in this instance's memory, or in Redis for all instances.
 */
public interface LikeRateLimiter {

    /**
     * Counts an attempt for {@code key} when fewer than {@code limit} attempts fall in the {@code window}; otherwise
     * counts nothing and refuses with 429 and Retry-After ({@link cn.sciday.web.TooManyRequestsException}), saying
     * why with the bundle message {@code messageKey} ({0} the wait, {1} the limit).
     */
    void check(String key, int limit, Duration window, String messageKey);
}
