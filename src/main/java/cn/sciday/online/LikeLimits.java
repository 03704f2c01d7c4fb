package cn.sciday.online;

import java.time.Duration;

import org.springframework.stereotype.Component;

import cn.sciday.platform.RateLimits;
import cn.sciday.web.TooManyRequests;

/** {@link LikeRateLimiter} on the platform's rate limits (bucket {@code online}). */
@Component
class LikeLimits implements LikeRateLimiter {

    private final RateLimits limits;
    private final TooManyRequests tooMany;

    LikeLimits(RateLimits limits, TooManyRequests tooMany) {
        this.limits = limits;
        this.tooMany = tooMany;
    }

    @Override
    public void check(String key, int limit, Duration window, String messageKey) {
        limits.check("online", key, new RateLimits.Limit(limit, window), s -> tooMany.exception(messageKey, s, limit));
    }
}
