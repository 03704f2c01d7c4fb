package cn.sciday.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One organization's summary of one kind in the current campaign, as lists and the reporting module read it.
 * {@code late}: first submitted after the deadline, or still missing once it has passed (then {@code overdue} too).
 * {@code summaryId} is null while missing.
 */
public record SummaryState(Long summaryId, long organizationId, String organizationName, Long parentId,
        String parentName, SummaryKind kind, SummaryStatus status, boolean late, boolean overdue, LocalDate dueOn,
        OffsetDateTime submittedAt, OffsetDateTime acceptedAt) {

    public boolean missing() {
        return status == SummaryStatus.MISSING;
    }
}
