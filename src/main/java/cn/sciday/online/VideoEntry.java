package cn.sciday.online;

import java.net.URI;
import java.time.Instant;

/** A short-video entry as the module and its pages see it. */
public record VideoEntry(long id, long roundId, long submitterAccountId, Long organizationId, String title,
        String description, String authorName, String unitName, String category, String linkUrl, Long videoMediaId,
        Long coverMediaId, Integer durationSeconds, VideoEntryStatus status, String rejectionReason, int likeCount,
        Instant createdAt, Instant reviewedAt) {

    /** The same entry with another like count (as read from Redis). */
    VideoEntry withLikeCount(int likes) {
        return likes == likeCount ? this : new VideoEntry(id, roundId, submitterAccountId, organizationId, title,
                description, authorName, unitName, category, linkUrl, videoMediaId, coverMediaId, durationSeconds,
                status, rejectionReason, likes, createdAt, reviewedAt);
    }

    public boolean isUpload() {
        return videoMediaId != null;
    }

    public boolean isApproved() {
        return status == VideoEntryStatus.APPROVED;
    }

    public boolean hasCover() {
        return coverMediaId != null;
    }

    /** The host of the link, to say where the video airs ("www.bilibili.com"). */
    public String linkHost() {
        if (linkUrl == null) {
            return null;
        }
        try {
            return URI.create(linkUrl).getHost();
        } catch (IllegalArgumentException e) {
            return linkUrl;
        }
    }

    public String durationText() {
        return durationSeconds == null ? null : VideoDuration.text(durationSeconds);
    }

    public String createdText() {
        return VideoRound.TEXT.format(createdAt);
    }

    /** Whether the submitter (or a colleague of the same unit, for a unit's entry) may change it. */
    boolean ownedBy(cn.sciday.web.Actor actor) {
        if (submitterAccountId == actor.accountId()) {
            return true;
        }
        return actor.isOrganizer() && organizationId != null && organizationId.equals(actor.organizationId());
    }
}
