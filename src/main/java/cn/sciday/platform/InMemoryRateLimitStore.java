package cn.sciday.platform;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A sliding window per key in this instance's memory: the times of the admitted requests still in the window, updated
 * atomically per key. A key is evicted once its window has passed without a request, and at most
 * {@code maximumKeys} keys are kept (the least recently used go first), so memory stays bounded under a flood of keys.
 */
final class InMemoryRateLimitStore implements RateLimitStore {

    static final long DEFAULT_MAXIMUM_KEYS = 200_000;

    /**
     * The admitted times (epoch milliseconds) of one key, oldest first, in a ring, and the window they expire by.
     * Expired times leave from the front, so a request costs what has expired since the last one, not the whole
     * window (a key with a high limit, say an address behind a school's NAT, keeps thousands of times).
     */
    static final class Window {

        final long windowNanos;
        long[] times;
        int head;
        int size;

        Window(int limit, Duration window) {
            this.windowNanos = window.toNanos();
            this.times = new long[Math.min(limit, 64)];
        }

        /** 0 and counted, or the milliseconds to wait. */
        long acquire(long now, int limit, long windowMillis) {
            long from = now - windowMillis;
            while (size > 0 && times[head] <= from) {
                head = (head + 1) % times.length;
                size--;
            }
            if (size > 0 && times[(head + size - 1) % times.length] > now) {
                // the clock was set back (a test clock): the times after now do not count
                keepBetween(from, now);
            }
            if (size >= limit) {
                return Math.max(1, times[head] + windowMillis - now);
            }
            if (size == times.length) {
                resize(Math.min(limit, times.length * 2));
            }
            times[(head + size) % times.length] = now;
            size++;
            return 0;
        }

        private void keepBetween(long from, long now) {
            long[] kept = new long[times.length];
            int n = 0;
            for (int i = 0; i < size; i++) {
                long t = times[(head + i) % times.length];
                if (t > from && t <= now) {
                    kept[n++] = t;
                }
            }
            times = kept;
            head = 0;
            size = n;
        }

        private void resize(int capacity) {
            long[] next = new long[capacity];
            for (int i = 0; i < size; i++) {
                next[i] = times[(head + i) % times.length];
            }
            times = next;
            head = 0;
        }
    }

    private final Cache<String, Window> windows;

    InMemoryRateLimitStore() {
        this(DEFAULT_MAXIMUM_KEYS, Ticker.systemTicker());
    }

    /** {@code ticker} measures idleness for eviction only; the windows themselves use the app clock. */
    InMemoryRateLimitStore(long maximumKeys, Ticker ticker) {
        this.windows = Caffeine.newBuilder().ticker(ticker).maximumSize(maximumKeys).expireAfter(new Expiry<String, Window>() {
            @Override
            public long expireAfterCreate(String key, Window w, long currentTime) {
                return w.windowNanos;
            }

            @Override
            public long expireAfterUpdate(String key, Window w, long currentTime, long currentDuration) {
                return w.windowNanos;
            }

            @Override
            public long expireAfterRead(String key, Window w, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public long acquire(String key, int limit, Duration window, Clock clock) {
        long[] wait = new long[1];
        windows.asMap().compute(key, (k, w) -> {
            Window current = w == null || w.windowNanos != window.toNanos() ? new Window(limit, window) : w;
            // read inside the atomic section: a time read before it could be older than one already stored
            wait[0] = current.acquire(clock.millis(), limit, window.toMillis());
            return current;
        });
        return wait[0];
    }

    @Override
    public boolean shared() {
        return false;
    }

    /** Keys held now (tests). */
    long keys() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** Forgets every count (tests). */
    void clear() {
        windows.invalidateAll();
    }
}
