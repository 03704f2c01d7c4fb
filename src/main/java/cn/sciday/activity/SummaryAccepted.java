package cn.sciday.activity;

import java.time.Instant;

/** A summary was accepted by the unit's 归口 or the city; it can no longer be changed. */
public record SummaryAccepted(long summaryId, long organizationId, String organizationName, SummaryKind kind,
        long actorId, String actorName, Instant at) {
}
