package cn.sciday.activity;

import java.time.Instant;

/** A draft or returned activity was edited by its organizer. */
public record ActivityEdited(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at) implements ActivityEvent {
}
