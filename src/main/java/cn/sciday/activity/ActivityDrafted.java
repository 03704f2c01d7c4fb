package cn.sciday.activity;

import java.time.Instant;

/** A new activity was saved as a draft. */
public record ActivityDrafted(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at) implements ActivityEvent {
}
