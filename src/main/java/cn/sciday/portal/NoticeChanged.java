package cn.sciday.portal;

/** A notice was created, edited, published, unpublished, or got or lost an attachment ({@code action}). */
public record NoticeChanged(long noticeId, String title, String action, long actorId) {
}
