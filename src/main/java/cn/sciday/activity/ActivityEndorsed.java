package cn.sciday.activity;

import java.time.Instant;

/** The unit's 归口 endorsed the activity; it now waits for the city ({@code reviewerOrganizationId}). */
public record ActivityEndorsed(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, long reviewerOrganizationId, String comment) implements ActivityEvent {
}
