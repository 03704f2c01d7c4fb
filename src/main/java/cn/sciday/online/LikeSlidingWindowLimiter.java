package cn.sciday.online;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * A sliding-window limiter in this instance's memory: the times of the recent attempts per key, each key updated
 * atomically. Keys with nothing in their window are dropped now and then, so memory stays bounded by the active keys.
 */
@Component
class LikeSlidingWindowLimiter implements LikeRateLimiter {

    private static final int SWEEP_EVERY = 5_000;
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final ConcurrentHashMap<String, ArrayDeque<Instant>> windows = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public long acquire(String key, int limit, Duration window, Instant now) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        long[] wait = new long[1];
        windows.compute(key, (k, times) -> {
            ArrayDeque<Instant> q = times == null ? new ArrayDeque<>() : times;
            Instant from = now.minus(window);
            // entries after now only appear when a (test) clock was set back
            q.removeIf(t -> !t.isAfter(from) || t.isAfter(now));
            if (q.size() >= limit) {
                Instant oldest = q.stream().min(Instant::compareTo).orElse(now);
                long ms = Duration.between(now, oldest.plus(window)).toMillis();
                wait[0] = Math.max(1, (ms + 999) / 1000);
            } else {
                q.addLast(now);
            }
            return q;
        });
        return wait[0];
    }

    /** Drops keys whose attempts are all older than {@link #KEEP}. */
    void sweep(Instant now) {
        Instant from = now.minus(KEEP);
        for (String key : windows.keySet()) {
            windows.computeIfPresent(key, (k, q) -> {
                q.removeIf(t -> !t.isAfter(from) || t.isAfter(now));
                return q.isEmpty() ? null : q;
            });
        }
    }

    /** Forgets every window (tests). */
    void clear() {
        windows.clear();
    }

    int keys() {
        return windows.size();
    }
}
