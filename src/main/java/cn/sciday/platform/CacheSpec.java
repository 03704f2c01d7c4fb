package cn.sciday.platform;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A cache a module declares as a bean: its name (prefix it with the module, e.g. {@code signup.seats}), how long an
 * entry lives, how many entries it keeps, and the domain events (records the module publishes) that clear it. The
 * time to live bounds staleness even if a message between instances is lost.
 *
 * <pre>{@code
 * @Bean
 * CacheSpec publicActivitiesCache() {
 *     return CacheSpec.of("activity.public-list", Duration.ofSeconds(30), 1_000).clearedOn(ActivityPublished.class);
 * }
 * }</pre>
 */
public record CacheSpec(String name, Duration timeToLive, long maximumSize, Set<Class<?>> clearedOn) {

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
    }

    public static CacheSpec of(String name, Duration timeToLive, long maximumSize) {
        return new CacheSpec(name, timeToLive, maximumSize, Set.of());
    }

    /** The same cache, also cleared (on every instance) after each of these events is published and committed. */
    public CacheSpec clearedOn(Class<?>... events) {
        List<Class<?>> all = new java.util.ArrayList<>(clearedOn);
        all.addAll(List.of(events));
        return new CacheSpec(name, timeToLive, maximumSize, Set.copyOf(all));
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
