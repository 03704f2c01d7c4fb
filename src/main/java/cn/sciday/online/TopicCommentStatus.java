package cn.sciday.online;

/** A comment is shown, waits for a moderator (by the topic's setting or because of a sensitive word), or is hidden. */
public enum TopicCommentStatus {
    VISIBLE, PENDING, HIDDEN
}
