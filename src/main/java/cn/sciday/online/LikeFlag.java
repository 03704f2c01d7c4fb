package cn.sciday.online;

import java.time.Instant;

/** A like that looked scripted, waiting in the review queue. The address is shown masked only. */
public record LikeFlag(long likeId, LikeTarget targetType, long targetId, String targetTitle, long accountId,
        String addressMasked, Instant createdAt, String reason) {

    public String createdText() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(cn.sciday.campaign.Campaign.ZONE)
                .format(createdAt);
    }

    public String targetLink() {
        return targetType == LikeTarget.VIDEO ? "/online/videos/" + targetId : "/online/volunteers#volunteer-" + targetId;
    }
}
