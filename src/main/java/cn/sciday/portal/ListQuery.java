package cn.sciday.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.Audience;
import cn.sciday.activity.PublicSearch;

/**
 * The activity list's filters as they stand in the URL: {@code division}, {@code jointAction} (0: none),
 * {@code theme}, {@code format}, {@code audience}, {@code from} and {@code to} (yyyy-MM-dd), {@code q} (words),
 * {@code seats=on} (only activities with free seats), {@code sort} (start, newest, seats) and {@code page} (from 1).
 * Without {@code from} the list starts today; an empty {@code from=} means from the beginning. Values that cannot be
 * read are ignored, so that a hand-edited URL still shows a list.
 */
record ListQuery(Long division, Integer jointAction, Integer theme, ActivityFormat format, Audience audience,
        LocalDate from, LocalDate to, String q, boolean freeSeats, Sort sort, int page) {

    static final int PAGE_SIZE = 20;

    /** Orders of the list. */
    enum Sort {
        START, NEWEST, SEATS;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ListQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > PublicSearch.MAX_TEXT) {
            q = q.substring(0, PublicSearch.MAX_TEXT);
        }
        if (from != null && to != null && to.isBefore(from)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        sort = sort == null ? Sort.START : sort;
        page = Math.max(1, page);
    }

    static ListQuery parse(MultiValueMap<String, String> p, LocalDate today) {
        String fromParam = p.getFirst("from");
        LocalDate from = fromParam == null ? today : date(fromParam);
        return new ListQuery(number(p.getFirst("division")), integer(p.getFirst("jointAction")),
                integer(p.getFirst("theme")), choice(ActivityFormat.class, p.getFirst("format")),
                choice(Audience.class, p.getFirst("audience")), from, date(p.getFirst("to")), p.getFirst("q"),
                "on".equals(p.getFirst("seats")) || "true".equals(p.getFirst("seats")),
                choice(Sort.class, p.getFirst("sort")), page(p.getFirst("page")));
    }

    /** The activity module's search for this page (or, with {@code everything}, for all matches from page 0). */
    PublicSearch search(boolean everything) {
        PublicSearch.Sort order = sort == Sort.NEWEST ? PublicSearch.Sort.NEWEST : PublicSearch.Sort.START;
        return new PublicSearch(division, jointAction, theme, format, audience, from, to, q, order,
                everything ? 0 : page - 1, PAGE_SIZE);
    }

    /** Whether seats decide which activities show or their order (then the portal ranks the ids itself). */
    boolean bySeats() {
        return freeSeats || sort == Sort.SEATS;
    }

    ListQuery withPage(int newPage) {
        return new ListQuery(division, jointAction, theme, format, audience, from, to, q, freeSeats, sort, newPage);
    }

    /** This query as a link to the list (always with {@code from}, empty when unbounded). */
    public String url(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "division", division);
        add(b, "jointAction", jointAction);
        add(b, "theme", theme);
        add(b, "format", format == null ? null : format.name());
        add(b, "audience", audience == null ? null : audience.name());
        b.queryParam("from", from == null ? "" : from.toString());
        add(b, "to", to);
        add(b, "q", q);
        if (freeSeats) {
            b.queryParam("seats", "on");
        }
        if (sort != Sort.START) {
            b.queryParam("sort", sort.param());
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    public String pageUrl(int newPage) {
        return withPage(newPage).url("/activities");
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        Long n = number(s);
        return n == null || n < 0 || n > 1000 ? null : n.intValue();
    }

    private static int page(String s) {
        Long n = number(s);
        return n == null || n < 1 || n > 10_000 ? 1 : n.intValue();
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
