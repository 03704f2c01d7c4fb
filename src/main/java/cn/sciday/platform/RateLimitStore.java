package cn.sciday.platform;

import java.time.Clock;
import java.time.Duration;

/** Where {@link RateLimits} counts: this instance's memory, or Redis for all instances. */
interface RateLimitStore {

    /**
     * Counts a request for {@code key} when fewer than {@code limit} requests fall in the {@code window} before now,
     * and answers 0; otherwise counts nothing and answers the milliseconds until a request would be admitted (≥ 1).
     * {@code clock} is the app's clock, read while the key is held (so that concurrent requests are counted in the
     * order of their times); a store with a clock of its own (Redis) may use that instead.
     */
    long acquire(String key, int limit, Duration window, Clock clock);

    /** Whether every app instance sees the same counts. */
    boolean shared();
}
