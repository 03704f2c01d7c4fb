package cn.sciday.activity;

import java.time.Instant;

/**
 * An organization submitted (or resubmitted) its stage or full summary; {@code reviewerOrganizationId} is who accepts
 * it (the unit's 归口, or the city for a division or department).
 */
public record SummarySubmitted(long summaryId, long organizationId, String organizationName, SummaryKind kind,
        boolean late, boolean resubmission, long reviewerOrganizationId, long actorId, String actorName, Instant at) {
}
