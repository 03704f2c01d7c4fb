package cn.sciday.platform;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A cache a module declares as a bean: its name (prefix it with the module, e.g. {@code signup.seats}), how long an
 * entry lives, how many entries it keeps, and the domain events (records the module publishes) that clear it. The
 * time to live bounds staleness even if a message between instances is lost. A cache cleared very often (after every
 * quiz submission, say) may also say {@linkplain #broadcastAtMostEvery how often at most} its clearing travels to the
 * other instances: it is still cleared here at once.
 *
 * <pre>{@code
 * @Bean
 * CacheSpec publicActivitiesCache() {
 *     return CacheSpec.of("activity.public-list", Duration.ofSeconds(30), 1_000).clearedOn(ActivityPublished.class);
 * }
 * }</pre>
 */
public record CacheSpec(String name, Duration timeToLive, long maximumSize, Set<Class<?>> clearedOn,
        Duration broadcastEvery) {

    public CacheSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("\t") || name.contains("\n")) {
            throw new IllegalArgumentException("cache name: " + name);
        }
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("a cache needs a positive time to live: " + name);
        }
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("a cache needs a positive maximum size: " + name);
        }
        clearedOn = Set.copyOf(clearedOn);
        if (broadcastEvery == null || broadcastEvery.isNegative() || broadcastEvery.compareTo(timeToLive) >= 0) {
            throw new IllegalArgumentException("a cache's clearing must travel more often than its entries expire: "
                    + name);
        }
    }

    public static CacheSpec of(String name, Duration timeToLive, long maximumSize) {
        return new CacheSpec(name, timeToLive, maximumSize, Set.of(), Duration.ZERO);
    }

    /** The same cache, also cleared (on every instance) after each of these events is published and committed. */
    public CacheSpec clearedOn(Class<?>... events) {
        List<Class<?>> all = new java.util.ArrayList<>(clearedOn);
        all.addAll(List.of(events));
        return new CacheSpec(name, timeToLive, maximumSize, Set.copyOf(all), broadcastEvery);
    }

    /**
     * The same cache, whose clearing after its events reaches the other instances at most once per {@code interval}:
     * the first event of a quiet spell schedules one message for {@code interval} later, which covers every event
     * until it is sent. This instance clears at once as always. For a cache cleared many times a second, where one
     * message per event (received by every instance) would cost more than the cache saves.
     */
    public CacheSpec broadcastAtMostEvery(Duration interval) {
        return new CacheSpec(name, timeToLive, maximumSize, clearedOn, interval);
    }

    boolean clearedBy(Object event) {
        for (Class<?> type : clearedOn) {
            if (type.isInstance(event)) {
                return true;
            }
        }
        return false;
    }
}
