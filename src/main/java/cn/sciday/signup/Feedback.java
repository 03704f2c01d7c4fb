package cn.sciday.signup;

import java.time.Instant;

/** One attendee's rating and comment; hidden ones keep their rating in the average but not their words. */
public record Feedback(long id, long activityId, int rating, String comment, String author, Instant createdAt,
        boolean hidden, String hiddenReason) {
}
