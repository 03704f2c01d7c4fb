package cn.sciday.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A deadline of the plan. Something is on time when it arrives by the end of the due day, Beijing time. */
public record Milestone(MilestoneKind kind, String title, LocalDate dueOn, String description) {

    /** The first instant that counts as late. */
    public Instant lateFrom(ZoneId zone) {
        return dueOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean isLate(Instant at, ZoneId zone) {
        return !at.isBefore(lateFrom(zone));
    }
}
