package cn.sciday.activity;

import java.time.Instant;

/** A reviewer returned the activity to its organizer for revision, with the reason the organizer is shown. */
public record ActivityReturned(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, ActivityStatus from, String reason) implements ActivityEvent {
}
