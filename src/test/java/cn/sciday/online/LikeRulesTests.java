package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scripted-like detector, without a database (the rate limiter's window: platform RateLimitsTests). */
class LikeRulesTests {

    static final Instant T0 = Instant.parse("2021-09-15T01:00:00Z");

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
