package cn.sciday.online;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.sciday.campaign.Campaign;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.UserMessage;

/**
 * Collects the problems of one form so that a person sees all of them at once (each on its field, by message key in
 * the online bundle, put into words in the reader's language), then {@link #check()} throws them together. A
 * {@code label} is the bundle key of the field's name. Lengths count characters as a person does (code points).
 */
final class OnlineInput {

    private final List<InvalidInputException.Problem> problems = new ArrayList<>();

    /** Stripped text: a problem when required (requiredMessage, a key, not null) and blank, or longer than max. */
    String text(String field, String value, int max, String requiredMessage, String label) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (requiredMessage != null) {
                add(field, requiredMessage);
            }
            return v;
        }
        if (length(v) > max) {
            add(field, "online.error.tooLong", UserMessage.of(label), max, length(v));
        }
        return v;
    }

    /** A web address: http or https (https only when asked), with a host, no spaces. Blank gives null. */
    String link(String field, String value, boolean httpsOnly, String requiredMessage) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (requiredMessage != null) {
                add(field, requiredMessage);
            }
            return null;
        }
        if (!isWebLink(v, httpsOnly)) {
            add(field, httpsOnly ? "online.error.httpsLink" : "online.error.webLink");
        }
        return v;
    }

    /** A date and time as typed in a datetime-local field (2021-09-15T09:00), read as Beijing time. */
    Instant time(String field, String value, String requiredMessage) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            add(field, requiredMessage);
            return null;
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(Campaign.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            add(field, "online.error.timeFormat");
            return null;
        }
    }

    /** A whole number between min and max as typed (full-width digits too); blank gives the default. */
    int number(String field, String value, int min, int max, int defaultValue, String label) {
        Long n = wholeNumber(field, value, label);
        if (n == null) {
            return defaultValue;
        }
        if (n < min || n > max) {
            add(field, "online.error.range", UserMessage.of(label), min, max);
            return defaultValue;
        }
        return n.intValue();
    }

    /** A whole number as typed, or null when blank; a problem when it is no whole number. */
    Long wholeNumber(String field, String value, String label) {
        String v = value == null ? "" : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("-?[0-9]{1,12}")) {
            add(field, "online.error.wholeNumber", UserMessage.of(label));
            return null;
        }
        return Long.parseLong(v);
    }

    void add(String field, String code, Object... arguments) {
        problems.add(new InvalidInputException.Problem(field, code, arguments));
    }

    boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    static boolean isWebLink(String v, boolean httpsOnly) {
        if (v == null || v.length() > 500 || v.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = "https".equals(scheme) || (!httpsOnly && "http".equals(scheme));
            return schemeOk && uri.getHost() != null && !uri.getHost().isBlank() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
