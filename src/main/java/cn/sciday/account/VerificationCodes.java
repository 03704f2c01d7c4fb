package cn.sciday.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.notification.SmsSender;
import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Limit;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.PersonalData;
import cn.sciday.web.TooManyRequests;

/**
 * One-time codes for public users: 6 digits, valid 5 minutes, at most 5 tries. How often codes are sent is limited per
 * number and per client address ({@code sciday.rate-limits.code-per-*}: by default one a minute and five an hour per
 * number, twenty an hour per address); logging in with a code counts as a login attempt ({@link LoginLimits}).
 * Only a keyed hash of the code is stored.
 */
@Service
class VerificationCodes {

    static final Duration VALID = Duration.ofMinutes(5);
    static final int MAX_TRIES = 5;

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final SmsSender sms;
    private final Accounts accounts;
    private final Clock clock;
    private final RateLimits limits;
    private final LoginLimits loginLimits;
    private final TooManyRequests tooMany;
    private final SecureRandom random = new SecureRandom();

    VerificationCodes(JdbcClient jdbc, PersonalData personalData, SmsSender sms, Accounts accounts, Clock clock,
            RateLimits limits, LoginLimits loginLimits, TooManyRequests tooMany) {
        this.limits = limits;
        this.loginLimits = loginLimits;
        this.tooMany = tooMany;
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.sms = sms;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Sends a new code; refuses with 429 when the number or the address asked too often. Returns seconds of validity. */
    @Transactional
    long send(String rawMobile, String address) {
        String mobile = mobile(rawMobile);
        String mobileHash = personalData.hash(mobile);
        limits.check(Rule.CODE_PER_NUMBER, mobileHash, wait -> tooMany.exception("account.rate.codeResend", wait));
        Limit hourly = limits.limit(Rule.CODE_PER_NUMBER_HOURLY);
        limits.check(Rule.CODE_PER_NUMBER_HOURLY, mobileHash, wait -> tooMany.exception("account.rate.codeNumber",
                wait, hourly.limit(), hourly.window().toMinutes()));
        limits.check(Rule.CODE_PER_ADDRESS, address == null ? "unknown" : address,
                wait -> tooMany.exception("account.rate.codeAddress", wait));
        Instant now = clock.instant();
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                insert into verification_code (mobile_hash, code_hash, created_at, expires_at, attempts, requested_by)
                values (?, ?, ?, ?, 0, ?)""")
                .params(mobileHash, personalData.hash(mobile + ":" + code), now.atOffset(ZoneOffset.UTC),
                        now.plus(VALID).atOffset(ZoneOffset.UTC), address)
                .update();
        sms.send(mobile, "【科普日】您的验证码是" + code + "，5分钟内有效。如非本人操作，请忽略本短信。");
        return VALID.toSeconds();
    }

    /**
     * Checks a code; on success the code is used up and the public user (created on first login) returned. Counts as
     * a login attempt for the number and the address (429 beyond their limits).
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    Actor verify(String rawMobile, String rawCode, String address) {
        String mobile = mobile(rawMobile);
        String code = PersonalData.normalizeMobile(rawCode);
        String mobileHash = personalData.hash(mobile);
        loginLimits.check("mobile:" + mobileHash, address);
        Instant now = clock.instant();
        Optional<Object[]> latest = jdbc.sql("""
                select id, code_hash, expires_at, attempts, used_at from verification_code
                where mobile_hash = ? order by created_at desc, id desc fetch first 1 rows only""")
                .param(mobileHash)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getInt(4), rs.getTimestamp(5)})
                .optional();
        if (latest.isEmpty() || latest.get()[4] != null || !now.isBefore((Instant) latest.get()[2])) {
            throw new InvalidInputException("code", "account.error.codeExpired");
        }
        long id = (Long) latest.get()[0];
        int attempts = (Integer) latest.get()[3];
        if (attempts >= MAX_TRIES) {
            throw new InvalidInputException("code", "account.error.codeTooManyTries");
        }
        if (!code.matches("[0-9]{6}") || !personalData.hash(mobile + ":" + code).equals(latest.get()[1])) {
            jdbc.sql("update verification_code set attempts = attempts + 1 where id = ?").param(id).update();
            int left = MAX_TRIES - attempts - 1;
            throw left > 0 ? new InvalidInputException("code", "account.error.codeWrong", left)
                    : new InvalidInputException("code", "account.error.codeTooManyTries");
        }
        int used = jdbc.sql("update verification_code set used_at = ? where id = ? and used_at is null")
                .params(now.atOffset(ZoneOffset.UTC), id).update();
        if (used != 1) {
            throw new InvalidInputException("code", "account.error.codeUsed");
        }
        return accounts.publicUser(mobile);
    }

    /** How soon a number may ask for the next code (the per-number window shared by its limit). */
    Duration resendAfter() {
        Limit perNumber = limits.limit(Rule.CODE_PER_NUMBER);
        return perNumber.window().dividedBy(perNumber.limit());
    }

    private static String mobile(String raw) {
        String mobile = PersonalData.normalizeMobile(raw);
        if (!PersonalData.isMobile(mobile)) {
            throw new InvalidInputException("mobile", "account.error.mobileInvalid");
        }
        return mobile;
    }
}
