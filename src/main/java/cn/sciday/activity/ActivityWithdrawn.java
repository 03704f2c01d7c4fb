package cn.sciday.activity;

import java.time.Instant;

/** The organizer withdrew the activity (from draft, returned or submitted); {@code from} was its state. */
public record ActivityWithdrawn(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, ActivityStatus from, String reason) implements ActivityEvent {
}
