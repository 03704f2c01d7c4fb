package cn.sciday.account;

import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Decision;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.TooManyRequests;
import cn.sciday.web.TooManyRequestsException;

/**
 * How often anyone may try to log in: per client address ({@code sciday.rate-limits.login-per-address}) and per
 * account name ({@code login-per-account}: a username, or a mobile number's keyed hash), for the login form, the token
 * API and code logins alike. Every attempt counts, right or wrong; a refused one counts nothing. Wrong passwords also
 * lock the account (five in a row, {@link Account}).
 */
@Component
class LoginLimits {

    private final RateLimits limits;
    private final TooManyRequests tooMany;

    LoginLimits(RateLimits limits, TooManyRequests tooMany) {
        this.limits = limits;
        this.tooMany = tooMany;
    }

    /** Counts an attempt and answers 0, or the seconds to wait (nothing counted for the account then). */
    long acquire(String accountName, String address) {
        Decision byAddress = limits.acquire(Rule.LOGIN_PER_ADDRESS, address == null ? "unknown" : address);
        if (!byAddress.admitted()) {
            return byAddress.retryAfterSeconds();
        }
        Decision byAccount = limits.acquire(Rule.LOGIN_PER_ACCOUNT, accountKey(accountName));
        return byAccount.admitted() ? 0 : byAccount.retryAfterSeconds();
    }

    /** Counts an attempt or refuses it with 429. */
    void check(String accountName, String address) {
        long wait = acquire(accountName, address);
        if (wait > 0) {
            throw refused(wait);
        }
    }

    TooManyRequestsException refused(long retryAfterSeconds) {
        return tooMany.exception("account.rate.login", retryAfterSeconds);
    }

    /** Usernames are compared without case and surrounding blanks, so that "Admin " counts as "admin". */
    static String accountKey(String accountName) {
        return accountName == null ? "" : accountName.strip().toLowerCase(Locale.ROOT);
    }
}
