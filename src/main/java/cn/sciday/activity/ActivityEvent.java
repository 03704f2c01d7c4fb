package cn.sciday.activity;

import java.time.Instant;

/**
 * Something that happened to an activity. Every event says which activity (id, name, organizing unit), who did it
 * (account id and display name) and when: what an audit line or a notification needs.
 */
public sealed interface ActivityEvent permits ActivityDrafted, ActivityEdited, ActivitySubmitted, ActivityEndorsed,
        ActivityReturned, ActivityPublished, ActivityWithdrawn, ActivityCancelled, ActivityChanged, ActivityCompleted {

    long activityId();

    String name();

    /** The organizing unit (or division, department or city for their own activities). */
    long organizationId();

    long actorId();

    String actorName();

    Instant at();
}
