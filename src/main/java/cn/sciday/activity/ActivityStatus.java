package cn.sciday.activity;

/** The states of an activity (DESIGN.md, "Activity lifecycle"). */
public enum ActivityStatus {
    DRAFT, SUBMITTED, ENDORSED, PUBLISHED, RETURNED, WITHDRAWN, CANCELLED;

    /** Shown to the public (a cancelled activity is shown as cancelled). */
    public boolean isPublic() {
        return this == PUBLISHED || this == CANCELLED;
    }

    /** Waiting for a reviewer. */
    public boolean inReview() {
        return this == SUBMITTED || this == ENDORSED;
    }
}
