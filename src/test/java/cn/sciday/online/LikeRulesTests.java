package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sliding-window limiter and the scripted-like detector, without a database. */
class LikeRulesTests {

    static final Instant T0 = Instant.parse("2021-09-15T01:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theWindowAllowsTheLimitThenSaysHowLongToWait() {
        LikeSlidingWindowLimiter limiter = new LikeSlidingWindowLimiter();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("p:1", 3, MINUTE, T0.plusSeconds(i * 10))).isZero();
        }
        assertThat(limiter.acquire("p:1", 3, MINUTE, T0.plusSeconds(30))).isEqualTo(30);
        assertThat(limiter.acquire("p:2", 3, MINUTE, T0.plusSeconds(30))).as("another key").isZero();
        // the first attempt leaves the window at T0+60s; refused attempts did not count
        assertThat(limiter.acquire("p:1", 3, MINUTE, T0.plusSeconds(59))).isEqualTo(1);
        assertThat(limiter.acquire("p:1", 3, MINUTE, T0.plusSeconds(60))).isZero();
        assertThat(limiter.acquire("p:1", 3, MINUTE, T0.plusSeconds(61))).isEqualTo(9);
    }

    @Test
    void idleKeysAreSweptAway() {
        LikeSlidingWindowLimiter limiter = new LikeSlidingWindowLimiter();
        for (int i = 0; i < 100; i++) {
            limiter.acquire("a:" + i, 5, MINUTE, T0);
        }
        limiter.acquire("a:fresh", 5, MINUTE, T0.plus(Duration.ofMinutes(20)));
        limiter.sweep(T0.plus(Duration.ofMinutes(20)));
        assertThat(limiter.keys()).isEqualTo(1);
    }

    @Test
    void evenlySpacedLikesLookScripted() {
        List<Instant> times = newestFirst(0, 3000, 3000, 3000, 3000, 3000);
        assertThat(LikeBurstDetector.regular(times, 5, Duration.ofMillis(200), Duration.ofMinutes(30))).isTrue();
        assertThat(LikeBurstDetector.meanGapText(times, 5)).isEqualTo("3.0");
        List<Instant> jitter = newestFirst(0, 3000, 3100, 2950, 3050, 3000);
        assertThat(LikeBurstDetector.regular(jitter, 5, Duration.ofMillis(200), Duration.ofMinutes(30))).isTrue();
    }

    @Test
    void peopleClickUnevenlyAndFewLikesProveNothing() {
        List<Instant> human = newestFirst(0, 2100, 3400, 1800, 5200, 2600);
        assertThat(LikeBurstDetector.regular(human, 5, Duration.ofMillis(200), Duration.ofMinutes(30))).isFalse();
        List<Instant> few = newestFirst(0, 3000, 3000, 3000);
        assertThat(LikeBurstDetector.regular(few, 5, Duration.ofMillis(200), Duration.ofMinutes(30))).isFalse();
        List<Instant> slow = newestFirst(0, 600_000, 600_000, 600_000, 600_000, 600_000);
        assertThat(LikeBurstDetector.regular(slow, 5, Duration.ofMillis(200), Duration.ofMinutes(30)))
                .as("longer than the span").isFalse();
    }

    @Test
    void addressesAreMaskedForReviewers() {
        assertThat(Likes.mask("203.0.113.45")).isEqualTo("203.0.113.*");
        assertThat(Likes.mask("2001:db8:85a3:0:0:8a2e:370:7334")).isEqualTo("2001:db8:85a3:*");
        assertThat(Likes.mask("unknown")).isEqualTo("*");
    }

    /** Times going back from T0 by the given gaps (ms), newest first. */
    static List<Instant> newestFirst(long... gaps) {
        List<Instant> times = new ArrayList<>();
        Instant t = T0;
        for (long g : gaps) {
            t = t.minusMillis(g);
            times.add(t);
        }
        return times;
    }
}
