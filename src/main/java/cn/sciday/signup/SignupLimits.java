package cn.sciday.signup;

import org.springframework.stereotype.Component;

import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.Actor;
import cn.sciday.web.TooManyRequests;

/**
 * How often anyone may sign up (page and API alike): per client address ({@code sciday.rate-limits.signup-per-address})
 * and per person ({@code signup-per-person}). Every attempt counts, also one refused for another reason.
 */
@Component
class SignupLimits {

    private final RateLimits limits;
    private final TooManyRequests tooMany;

    SignupLimits(RateLimits limits, TooManyRequests tooMany) {
        this.limits = limits;
        this.tooMany = tooMany;
    }

    /** Counts a sign-up attempt or refuses it with 429 and Retry-After. */
    void check(Actor actor, String address) {
        limits.check(Rule.SIGNUP_PER_ADDRESS, address == null ? "unknown" : address,
                wait -> tooMany.exception("signup.rate.address", wait));
        limits.check(Rule.SIGNUP_PER_PERSON, String.valueOf(actor.accountId()),
                wait -> tooMany.exception("signup.rate.person", wait));
    }
}
