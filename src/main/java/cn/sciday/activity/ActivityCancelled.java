package cn.sciday.activity;

import java.time.Instant;

/** A published activity was cancelled, with the reason; every registrant should be told. */
public record ActivityCancelled(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, String reason) implements ActivityEvent {
}
