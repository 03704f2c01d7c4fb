package cn.sciday.online;

import java.time.Instant;

/** A short comment on a topic. {@code authorName} is the public user's masked mobile number. */
public record TopicComment(long id, long topicId, long accountId, String authorName, String body,
        TopicCommentStatus status, String heldWords, String hiddenReason, Instant createdAt) {

    public String createdText() {
        return VideoRound.TEXT.format(createdAt);
    }

    public boolean isPending() {
        return status == TopicCommentStatus.PENDING;
    }

    public boolean isHidden() {
        return status == TopicCommentStatus.HIDDEN;
    }
}
