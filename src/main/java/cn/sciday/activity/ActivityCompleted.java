package cn.sciday.activity;

import java.time.Instant;

/**
 * All required completion items of a published activity are present (again). {@code late}: after the COMPLETION
 * deadline. Published each time the activity becomes complete, e.g. again after a deleted photo is replaced.
 */
public record ActivityCompleted(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, int score, boolean late) implements ActivityEvent {
}
