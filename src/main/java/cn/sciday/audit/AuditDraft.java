package cn.sciday.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entry about to be appended, already cut to what the columns hold: text longer than its column is shortened
 * (ending in …) and characters the databases refuse (NUL, lone surrogates) are replaced, so that a long or odd
 * detail never fails the change it records, and what is hashed is exactly what is stored.
 */
record AuditDraft(Instant at, Long actorId, String actorName, String address, String action, String targetType,
        String targetId, String detail) {

    static final int ACTOR_NAME = 100;
    static final int ADDRESS = 64;
    static final int ACTION = 64;
    static final int TARGET_TYPE = 32;
    static final int TARGET_ID = 64;
    static final int DETAIL = 2000;

    static AuditDraft of(Instant at, Long actorId, String actorName, String address, String action,
            String targetType, String targetId, String detail) {
        return new AuditDraft(at.truncatedTo(ChronoUnit.MICROS), actorId,
                clip(blankTo(actorName, AuditTrail.SYSTEM), ACTOR_NAME), clip(emptyToNull(address), ADDRESS),
                clip(blankTo(action, "UNSPECIFIED"), ACTION), clip(blankTo(targetType, "UNSPECIFIED"), TARGET_TYPE),
                clip(emptyToNull(targetId), TARGET_ID), clip(emptyToNull(detail), DETAIL));
    }

    /**
     * Makes text safe for a varchar(max) column on H2 (counts UTF-16 units) and PostgreSQL (counts code points,
     * refuses NUL): replaces NUL and lone surrogates, and shortens to at most {@code max} UTF-16 units without
     * splitting a surrogate pair.
     */
    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), max + 1));
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                b.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
                i++;
            }
            if (b.length() > max) {
                break;
            }
        }
        if (b.length() <= max) {
            return b.toString();
        }
        int end = max - 1;
        if (Character.isLowSurrogate(b.charAt(end)) && Character.isHighSurrogate(b.charAt(end - 1))) {
            end--;
        }
        return b.substring(0, end) + "…";
    }

    private static String blankTo(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.strip();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
