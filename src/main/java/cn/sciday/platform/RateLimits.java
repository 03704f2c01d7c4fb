package cn.sciday.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongFunction;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rate limits: at most {@code limit} requests per key in any sliding {@code window}. A refused request is not counted
 * and learns how many seconds to wait (for {@code Retry-After}). With Redis configured the counts live in Redis and
 * hold across all app instances; otherwise in this instance's memory (idle keys are evicted, so memory stays bounded).
 * Keys are hashed before they are stored (they may be mobile numbers or client addresses).
 * <p>
 * The named {@link Rule}s read their limit from {@code sciday.rate-limits.<name>.limit} and {@code .window}
 * (docs/operations.md); other callers pass their own limit.
 */
public class RateLimits {

    /** At most {@code limit} requests in any {@code window}. */
    public record Limit(int limit, Duration window) {

        public Limit {
            if (limit < 1) {
                throw new IllegalArgumentException("a rate limit must admit at least 1 request, not " + limit);
            }
            if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("a rate-limit window must be at least 1 second, not " + window);
            }
        }

        @Override
        public String toString() {
            return limit + " per " + window;
        }
    }

    /** The answer: admitted (and counted), or refused with the seconds until a request would be admitted (≥ 1). */
    public record Decision(boolean admitted, long retryAfterSeconds) {

        static final Decision ADMITTED = new Decision(true, 0);

        static Decision waitMillis(long millis) {
            return millis <= 0 ? ADMITTED : new Decision(false, Math.max(1, (millis + 999) / 1000));
        }
    }

    /** The configurable limits and their defaults; {@link #property()} names the setting. */
    public enum Rule {
        /** Password and code logins per account name (username or mobile number). */
        LOGIN_PER_ACCOUNT("login-per-account", 10, Duration.ofMinutes(5)),
        /** Logins per client address. */
        LOGIN_PER_ADDRESS("login-per-address", 30, Duration.ofMinutes(5)),
        /** Verification codes per mobile number: one a minute … */
        CODE_PER_NUMBER("code-per-number", 1, Duration.ofMinutes(1)),
        /** … and five an hour. */
        CODE_PER_NUMBER_HOURLY("code-per-number-hourly", 5, Duration.ofHours(1)),
        /** Verification codes per client address. */
        CODE_PER_ADDRESS("code-per-address", 20, Duration.ofHours(1)),
        /** Quiz attempt starts (official and practice) per person. */
        QUIZ_STARTS_PER_PERSON("quiz-starts-per-person", 10, Duration.ofMinutes(1)),
        /** Sign-ups (page and API) per person. */
        SIGNUP_PER_PERSON("signup-per-person", 10, Duration.ofMinutes(1)),
        /** Sign-ups per client address. */
        SIGNUP_PER_ADDRESS("signup-per-address", 60, Duration.ofMinutes(1)),
        /** Imports and batch uploads per account, counted for each kind of import. */
        IMPORTS_PER_ACCOUNT("imports-per-account", 10, Duration.ofMinutes(10));

        private final String name;
        private final Limit defaultLimit;

        Rule(String name, int limit, Duration window) {
            this.name = name;
            this.defaultLimit = new Limit(limit, window);
        }

        /** The rule's name in settings: {@code sciday.rate-limits.<name>.limit} and {@code .window}. */
        public String property() {
            return name;
        }

        public Limit defaultLimit() {
            return defaultLimit;
        }
    }

    static final String PREFIX = "sciday.rate-limits.";

    /** Refused requests by bucket: {@code sciday_rate_limits_refused_total{bucket}} in Prometheus. */
    static final String REFUSED = "sciday.rate.limits.refused";

    private final RateLimitStore store;
    private final Clock clock;
    private final Map<Rule, Limit> limits;
    private final MeterRegistry meters;

    RateLimits(RateLimitStore store, Clock clock, Map<Rule, Limit> limits) {
        this(store, clock, limits, null);
    }

    RateLimits(RateLimitStore store, Clock clock, Map<Rule, Limit> limits, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
        EnumMap<Rule, Limit> all = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            all.put(rule, limits.getOrDefault(rule, rule.defaultLimit()));
        }
        this.limits = Collections.unmodifiableMap(all);
    }

    /**
     * The rules' limits from {@code sciday.rate-limits.<name>.limit} / {@code .window}, each falling back to its
     * default; a bad value stops start-up with the setting's name.
     */
    static Map<Rule, Limit> configured(Environment env) {
        Binder binder = Binder.get(env);
        EnumMap<Rule, Limit> limits = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            String base = PREFIX + rule.property();
            int limit = binder.bind(base + ".limit", Integer.class).orElse(rule.defaultLimit().limit());
            Duration window = binder.bind(base + ".window", Duration.class).orElse(rule.defaultLimit().window());
            try {
                limits.put(rule, new Limit(limit, window));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(base + ": " + e.getMessage(), e);
            }
        }
        return limits;
    }

    /** Counts a request for {@code key} in {@code bucket} if fewer than {@code limit} fall in the window. */
    public Decision acquire(String bucket, String key, int limit, Duration window) {
        return acquire(bucket, key, new Limit(limit, window));
    }

    public Decision acquire(String bucket, String key, Limit limit) {
        Decision decision = Decision.waitMillis(store.acquire(storeKey(bucket, key), limit.limit(), limit.window(),
                clock));
        if (!decision.admitted() && meters != null) {
            Counter.builder(REFUSED).description("Requests refused by a rate limit").tag("bucket", bucket)
                    .register(meters).increment();
        }
        return decision;
    }

    /** Counts a request under a named rule (the rule is the bucket). */
    public Decision acquire(Rule rule, String key) {
        return acquire(rule.property(), key, limit(rule));
    }

    /**
     * Counts a request under a named rule, or throws what {@code refusal} makes of the seconds to wait (typically a
     * {@code TooManyRequestsException} with a message in the reader's language).
     */
    public <X extends RuntimeException> void check(Rule rule, String key, LongFunction<X> refusal) {
        check(rule.property(), key, limit(rule), refusal);
    }

    /** As {@link #check(Rule, String, LongFunction)} with a bucket and limit of the caller's. */
    public <X extends RuntimeException> void check(String bucket, String key, Limit limit, LongFunction<X> refusal) {
        Decision decision = acquire(bucket, key, limit);
        if (!decision.admitted()) {
            throw refusal.apply(decision.retryAfterSeconds());
        }
    }

    /** The configured limit of a rule. */
    public Limit limit(Rule rule) {
        return limits.get(rule);
    }

    /** Whether the counts are shared by all app instances (Redis) rather than kept in this instance. */
    public boolean shared() {
        return store.shared();
    }

    /** {@code bucket:hash(key)}: raw keys (mobile numbers, addresses) never reach the store. */
    static String storeKey(String bucket, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((bucket + "\n" + (key == null ? "" : key)).getBytes(StandardCharsets.UTF_8));
            return bucket + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.util.Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
