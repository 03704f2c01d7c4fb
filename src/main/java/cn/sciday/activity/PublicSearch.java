package cn.sciday.activity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A search over the published activities of the current campaign, as the public portal asks it. Every criterion is
 * optional (null: any). {@code jointAction} 0 means "no joint action". {@code format} OFFLINE or ONLINE finds the
 * activities with such a part (线上+线下 included); BOTH finds only those with both. {@code from}..{@code to}
 * (Beijing dates, inclusive) finds activities running on any day of the range. {@code text} is split into words that
 * must each occur in the name, summary or description. {@code page} is 0-based.
 */
public record PublicSearch(Long divisionId, Integer jointAction, Integer theme, ActivityFormat format,
        Audience audience, LocalDate from, LocalDate to, String text, Sort sort, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_WORDS = 5;
    public static final int MAX_TEXT = 50;

    /** Order of results: by start time (soonest first) or by publication (newest first). */
    public enum Sort {
        START, NEWEST
    }

    public PublicSearch {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        sort = sort == null ? Sort.START : sort;
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    /** Everything published, soonest first. */
    public static PublicSearch all() {
        return new PublicSearch(null, null, null, null, null, null, null, null, Sort.START, 0, 20);
    }

    /** The words of {@link #text}, lower-cased, at most {@value #MAX_WORDS}. */
    List<String> words() {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s\u3000]+")).filter(w -> !w.isEmpty())
                .distinct().limit(MAX_WORDS).toList();
    }

    int offset() {
        return page * size;
    }
}
