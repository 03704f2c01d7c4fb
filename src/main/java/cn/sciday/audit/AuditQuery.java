package cn.sciday.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search filters as typed in the URL (page and API share them): the raw text, so that a page can show back
 * what was typed, and the problems found in it (each a field and a message key of the audit bundle).
 */
record AuditQuery(String actor, String action, String targetType, String targetId, String from, String to, int page,
        List<Problem> problems) {

    /** A field and the message key that says what is wrong with it. */
    record Problem(String field, String messageKey) {
    }

    static final int MAX_TEXT = 100;

    static AuditQuery parse(String actor, String action, String targetType, String targetId, String from, String to,
            String page) {
        List<Problem> problems = new ArrayList<>();
        String[][] texts = {{"actor", actor}, {"action", action}, {"targetType", targetType},
            {"targetId", targetId}};
        for (String[] text : texts) {
            if (blank(text[1]).length() > MAX_TEXT) {
                problems.add(new Problem(text[0], "audit.error.tooLong"));
            }
        }
        LocalDate fromDate = date(from, "from", problems);
        LocalDate toDate = date(to, "to", problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add(new Problem("to", "audit.error.range"));
        }
        int number;
        try {
            number = page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            number = 1;
        }
        return new AuditQuery(blank(actor), blank(action), blank(targetType), blank(targetId), blank(from), blank(to),
                number, List.copyOf(problems));
    }

    boolean valid() {
        return problems.isEmpty();
    }

    boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    AuditFilter filter() {
        return new AuditFilter(actor, action, targetType, targetId, from.isEmpty() ? null : LocalDate.parse(from),
                to.isEmpty() ? null : LocalDate.parse(to));
    }

    /** The filters that are set, for links to other pages of the same search. */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "actor", actor);
        put(p, "action", action);
        put(p, "targetType", targetType);
        put(p, "targetId", targetId);
        put(p, "from", from);
        put(p, "to", to);
        return p;
    }

    /** The link to another page of this search, relative to the application. */
    String link(String path, int toPage) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params().forEach(b::queryParam);
        if (toPage > 1) {
            b.queryParam("page", toPage);
        }
        return b.encode().build().toUriString();
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (!value.isEmpty()) {
            p.put(key, value);
        }
    }

    private static LocalDate date(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "audit.error." + field));
            return null;
        }
    }

    private static String blank(String text) {
        return text == null ? "" : text.strip();
    }
}
