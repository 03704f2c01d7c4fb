package cn.sciday.online;

import java.time.Instant;

/** A science volunteer's profile (点赞科技志愿): who, for which unit, the service story, an optional photo. */
public record Volunteer(long id, long organizationId, String unitName, String name, String story, Long photoMediaId,
        VolunteerStatus status, String rejectionReason, long submittedBy, int likeCount, Instant createdAt) {

    /** The same profile with another like count (as read from Redis). */
    Volunteer withLikeCount(int likes) {
        return likes == likeCount ? this : new Volunteer(id, organizationId, unitName, name, story, photoMediaId,
                status, rejectionReason, submittedBy, likes, createdAt);
    }

    public boolean isApproved() {
        return status == VolunteerStatus.APPROVED;
    }

    public boolean hasPhoto() {
        return photoMediaId != null;
    }

    /** The first character of the name, shown in place of a photo. */
    public String initial() {
        return name == null || name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1));
    }
}
