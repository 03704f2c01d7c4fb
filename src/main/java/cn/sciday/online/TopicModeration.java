package cn.sciday.online;

/** How a topic's comments appear: at once (moderators may hide them later) or only after a moderator approves. */
public enum TopicModeration {
    SHOW_AT_ONCE, WAIT_FOR_APPROVAL
}
