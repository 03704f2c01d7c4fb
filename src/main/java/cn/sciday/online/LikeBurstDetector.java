package cn.sciday.online;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tells scripted likes from people's: many accounts liking one entry from one address within a minute, or likes that
 * arrive at machine-regular intervals (a person's clicks are never evenly spaced to a fraction of a second).
 */
final class LikeBurstDetector {

    private LikeBurstDetector() {
    }

    /**
     * Whether the newest {@code intervals + 1} times (newest first) are evenly spaced: the longest and shortest gap
     * differ by at most {@code tolerance}, and all of them fall within {@code span}.
     */
    static boolean regular(List<Instant> newestFirst, int intervals, Duration tolerance, Duration span) {
        if (intervals < 2 || newestFirst.size() < intervals + 1) {
            return false;
        }
        List<Instant> sample = newestFirst.subList(0, intervals + 1);
        if (Duration.between(sample.get(intervals), sample.get(0)).compareTo(span) > 0) {
            return false;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < intervals; i++) {
            long gap = Duration.between(sample.get(i + 1), sample.get(i)).toMillis();
            min = Math.min(min, gap);
            max = Math.max(max, gap);
        }
        return max - min <= tolerance.toMillis();
    }

    /** The mean gap of the sample in seconds, for the reason shown to reviewers. */
    static String meanGapText(List<Instant> newestFirst, int intervals) {
        long ms = Duration.between(newestFirst.get(intervals), newestFirst.get(0)).toMillis() / intervals;
        return String.format("%.1f", ms / 1000.0);
    }
}
