package cn.sciday.activity;

/**
 * Narrows a list: state, division (市(区)), joint action number (0 = none), late submissions only, and a page
 * (0-based) of {@code size} rows (at most 500).
 */
public record ActivityFilter(ActivityStatus status, Long divisionId, Integer jointAction, boolean lateOnly, int page,
        int size) {

    public static final int MAX_SIZE = 500;

    public ActivityFilter {
        page = Math.max(0, page);
        size = size <= 0 ? 100 : Math.min(size, MAX_SIZE);
    }

    public static ActivityFilter all() {
        return new ActivityFilter(null, null, null, false, 0, MAX_SIZE);
    }

    int offset() {
        return page * size;
    }
}
