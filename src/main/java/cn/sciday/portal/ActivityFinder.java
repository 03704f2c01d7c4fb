package cn.sciday.portal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;

import cn.sciday.activity.ActivityPage;
import cn.sciday.activity.PublicActivity;
import cn.sciday.signup.SeatInfo;

/**
 * Answers the activity list from the cached catalogue. Filters and orders the activity module knows run as one paged
 * query; "has free seats" and "most seats left" rank the matching ids by the seats of the sign-up module in memory
 * (at most one city season of ids, cached) and load only the page shown.
 */
@Service
class ActivityFinder {

    /** One activity of a list with its seats (null when it takes no sign-up now). */
    record Listing(PublicActivity activity, SeatInfo seats) {
    }

    /** A page of the list: {@code page} counts from 1. */
    record Found(List<Listing> items, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }

        /** Page numbers to offer: the first, the last and two on either side of this one (0 stands for a gap). */
        public List<Integer> pageLinks() {
            int last = pages();
            List<Integer> shown = IntStream.rangeClosed(1, last)
                    .filter(p -> p == 1 || p == last || Math.abs(p - page) <= 2).boxed().toList();
            java.util.ArrayList<Integer> withGaps = new java.util.ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                if (i > 0 && shown.get(i) - shown.get(i - 1) > 1) {
                    withGaps.add(0);
                }
                withGaps.add(shown.get(i));
            }
            return withGaps;
        }
    }

    private final PublicCatalog catalog;

    ActivityFinder(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    Found find(ListQuery query) {
        Map<Long, SeatInfo> seats = catalog.openSeats();
        if (!query.bySeats()) {
            ActivityPage<PublicActivity> page = catalog.search(query.search(false));
            return new Found(listings(page.items(), seats), page.total(), query.page(), ListQuery.PAGE_SIZE);
        }
        List<Long> ids = catalog.ids(query.search(true));
        if (query.freeSeats()) {
            ids = ids.stream().filter(id -> seats.containsKey(id) && !seats.get(id).full()).toList();
        }
        if (query.sort() == ListQuery.Sort.SEATS) {
            ids = ids.stream().sorted(Comparator.comparingInt((Long id) -> seats.containsKey(id)
                    ? seats.get(id).left() : -1).reversed()).toList();
        }
        int from = Math.min(ids.size(), (query.page() - 1) * ListQuery.PAGE_SIZE);
        int to = Math.min(ids.size(), from + ListQuery.PAGE_SIZE);
        List<PublicActivity> shown = catalog.activities(List.copyOf(ids.subList(from, to)));
        return new Found(listings(shown, seats), ids.size(), query.page(), ListQuery.PAGE_SIZE);
    }

    private static List<Listing> listings(List<PublicActivity> items, Map<Long, SeatInfo> seats) {
        return items.stream().map(a -> new Listing(a, seats.get(a.id()))).toList();
    }
}
