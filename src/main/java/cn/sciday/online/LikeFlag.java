package cn.sciday.online;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.sciday.campaign.Campaign;

/** A like that looked scripted, waiting in the review queue. The address is shown masked only. */
public record LikeFlag(long likeId, LikeTarget targetType, long targetId, String targetTitle, long accountId,
        String addressMasked, Instant createdAt, String reason) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(Campaign.ZONE);

    public String createdText() {
        return SECONDS.format(createdAt);
    }

    public String targetLink() {
        return targetType == LikeTarget.VIDEO ? "/online/videos/" + targetId
                : "/online/volunteers#volunteer-" + targetId;
    }
}
