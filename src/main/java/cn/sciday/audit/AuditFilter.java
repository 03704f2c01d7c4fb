package cn.sciday.audit;

import java.time.LocalDate;

/**
 * What to search for; every part is optional. {@code actorName} matches anywhere in the name (case-insensitive),
 * the others exactly; {@code from} and {@code to} are Beijing dates, both inclusive.
 */
public record AuditFilter(String actorName, String action, String targetType, String targetId, LocalDate from,
        LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
