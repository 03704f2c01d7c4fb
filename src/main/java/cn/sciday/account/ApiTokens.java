package cn.sciday.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/** Bearer tokens for the API: random, stored only as a SHA-256 hash, expiring, revocable. */
@Service
class ApiTokens {

    static final Duration STAFF_TTL = Duration.ofDays(30);
    static final Duration PUBLIC_TTL = Duration.ofDays(7);
    /** The column's size, in UTF-16 units (what both databases accept at most). */
    static final int LABEL_MAX = 100;

    /** A newly issued token: the secret is shown once. */
    record Issued(long id, String token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountRepository repo;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TokenUseStamps stamps;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Accounts accounts, AccountRepository repo, ApplicationEventPublisher events,
            Clock clock, TokenUseStamps stamps) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.repo = repo;
        this.events = events;
        this.clock = clock;
        this.stamps = stamps;
    }

    /** Issues a token; a label longer than {@link #LABEL_MAX} is refused (400) before anything is written. */
    @Transactional
    Issued issue(long accountId, String label, Duration ttl) {
        String name = label == null || label.isBlank() ? "API" : label.strip();
        if (name.length() > LABEL_MAX) {
            throw new InvalidInputException("label", "account.error.tokenLabelTooLong", LABEL_MAX);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "sd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (account_id, token_hash, label, created_at, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(accountId, hash(token), name,
                        now.atOffset(ZoneOffset.UTC), expires.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(new ApiTokenIssued(accountId, id, label));
        return new Issued(id, token, expires);
    }

    /**
     * The actor a token stands for, if it is known, not expired, not revoked and its account is enabled. No
     * transaction and no write: one read; the last-used stamp, at most one a minute per token, is written in the
     * background ({@link TokenUseStamps}).
     */
    Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith("sd_") || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AccountRepository.TokenOwner> owner = repo.findByLiveToken(hash(token), now);
        if (owner.isEmpty() || !owner.get().account().enabled) {
            return Optional.empty();
        }
        // at most one stamp a minute per token, so that busy API clients do not turn every request into a write
        Instant used = owner.get().lastUsedAt();
        if (used == null || used.isBefore(now.minusSeconds(60))) {
            stamps.used(owner.get().tokenId(), now);
        }
        accounts.noteRequestAccount(owner.get().account());
        return Optional.of(accounts.actor(owner.get().account()));
    }

    @Transactional(readOnly = true)
    List<ApiTokenInfo> of(long accountId) {
        return jdbc.sql("""
                select id, label, created_at, expires_at, revoked_at, last_used_at from api_token
                where account_id = ? order by id desc""").param(accountId)
                .query((rs, n) -> new ApiTokenInfo(rs.getLong(1), rs.getString(2), inst(rs.getTimestamp(3)),
                        inst(rs.getTimestamp(4)), inst(rs.getTimestamp(5)), inst(rs.getTimestamp(6)))).list();
    }

    /** Revokes one of the actor's own tokens; another account's token is not found. */
    @Transactional
    void revoke(Actor actor, long tokenId) {
        int n = jdbc.sql("update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), tokenId, actor.accountId()).update();
        if (n == 0) {
            boolean mine = jdbc.sql("select count(*) from api_token where id = ? and account_id = ?")
                    .params(tokenId, actor.accountId()).query(Integer.class).single() > 0;
            if (!mine) {
                throw new NotFoundException("token " + tokenId);
            }
            return;
        }
        events.publishEvent(new ApiTokenRevoked(actor.accountId(), tokenId));
    }

    private static Instant inst(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
