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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.platform.CacheBus;
import cn.sciday.platform.CacheSpec;
import cn.sciday.platform.GuardedCache;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/**
 * Bearer tokens for the API: random, stored only as a SHA-256 hash, expiring, revocable.
 * <p>
 * A token found live is kept with its account in the cache {@value #LIVE} for {@code sciday.api-tokens.cache-ttl}
 * (15 minutes) at most, so that an API client's requests do not each read the database (on a quiz submission that
 * read was a third of the database's work); the time is longer than a quiz attempt's default limit (10 minutes), so
 * that the answers find the token the start kept. Its expiry is still checked at every request; the cache is cleared
 * on every instance after a token is revoked and after an account is enabled, disabled or given a new password
 * ({@link AccountChanged}), so that such a change applies to the next request here and, through {@link CacheBus},
 * within moments on the other instances (with Redis; without Redis, or should a message be lost, within the time to
 * live). Unknown tokens are not kept.
 */
@Service
class ApiTokens {

    static final Duration STAFF_TTL = Duration.ofDays(30);
    static final Duration PUBLIC_TTL = Duration.ofDays(7);
    /** The column's size, in UTF-16 units (what both databases accept at most). */
    static final int LABEL_MAX = 100;
    static final String LIVE = "account.live-tokens";

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
    private final GuardedCache live;

    /**
     * A token found live and its account, as read (the account is shared by the requests that use the token: read
     * it, never change it). {@code stamped}: when this instance last noted the token's use.
     */
    private static final class LiveToken {

        final AccountRepository.TokenOwner owner;
        volatile Instant stamped;

        LiveToken(AccountRepository.TokenOwner owner) {
            this.owner = owner;
            this.stamped = owner.lastUsedAt();
        }

        /** True at most once a minute: busy API clients do not turn every request into a write. */
        boolean stampDue(Instant now) {
            Instant last = stamped;
            if (last != null && !last.isBefore(now.minusSeconds(60))) {
                return false;
            }
            stamped = now;
            return true;
        }
    }

    ApiTokens(JdbcClient jdbc, Accounts accounts, AccountRepository repo, ApplicationEventPublisher events,
            Clock clock, TokenUseStamps stamps, CacheManager caches, CacheBus bus) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.repo = repo;
        this.events = events;
        this.clock = clock;
        this.stamps = stamps;
        this.live = new GuardedCache(caches, bus, LIVE);
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
     * transaction and no write: at most one read (none while the token is kept, see the class comment); the last-used
     * stamp, at most one a minute per token and instance, is written in the background ({@link TokenUseStamps}).
     */
    Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith("sd_") || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = hash(token);
        LiveToken kept = live.get(hash, LiveToken.class);
        if (kept == null || !kept.owner.expiresAt().isAfter(now)) {
            long generation = live.generation();
            Optional<AccountRepository.TokenOwner> owner = repo.findByLiveToken(hash, now);
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            kept = new LiveToken(owner.get());
            live.put(hash, kept, generation);
        }
        Account account = kept.owner.account();
        if (!account.enabled) {
            return Optional.empty();
        }
        if (kept.stampDue(now)) {
            stamps.used(kept.owner.tokenId(), now);
        }
        accounts.noteRequestAccount(account);
        return Optional.of(accounts.actor(account));
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

    @Configuration(proxyBeanMethods = false)
    static class Caches {

        @Bean
        CacheSpec liveTokenCache(@Value("${sciday.api-tokens.cache-ttl:PT15M}") Duration timeToLive) {
            return CacheSpec.of(LIVE, timeToLive, 100_000).clearedOn(ApiTokenRevoked.class, AccountChanged.class);
        }
    }
}
