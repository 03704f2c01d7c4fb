package cn.sciday.activity;

import java.time.Instant;

/** The city approved the activity: it is published and shown to the public. */
public record ActivityPublished(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, String comment) implements ActivityEvent {
}
