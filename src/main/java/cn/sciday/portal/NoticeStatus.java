package cn.sciday.portal;

/** A notice is a draft until published; unpublishing takes it off the portal but keeps it. */
public enum NoticeStatus {
    DRAFT, PUBLISHED, UNPUBLISHED
}
