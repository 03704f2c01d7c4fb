package cn.sciday.activity;

import java.time.Instant;

/**
 * An activity was submitted (or resubmitted after a return) for review. {@code reviewerOrganizationId} is the body
 * that reviews it now: the unit's 归口 (level COORDINATOR) or the city association (level CITY). {@code late}: the
 * first submission missed the intention deadline (意向征集, 09-24).
 */
public record ActivitySubmitted(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, ReviewLevel reviewLevel, long reviewerOrganizationId, boolean late, boolean resubmission)
        implements ActivityEvent {
}
