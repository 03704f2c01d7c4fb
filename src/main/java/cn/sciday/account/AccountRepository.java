package cn.sciday.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.sciday.web.Role;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("select * from account where id = ?").param(id).query(this::map).optional();
    }

    /**
     * A live token (not revoked, not expired at {@code now}) with its account: the token's id, its last use, when it
     * expires, the account.
     */
    record TokenOwner(long tokenId, Instant lastUsedAt, Instant expiresAt, Account account) {
    }

    /** The owner of the live token with this hash, in one query. */
    Optional<TokenOwner> findByLiveToken(String tokenHash, Instant now) {
        return jdbc.sql("""
                select a.*, t.id as token_id, t.last_used_at as token_last_used_at, t.expires_at as token_expires_at
                from api_token t join account a on a.id = t.account_id
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?""")
                .params(tokenHash, ts(now))
                .query((rs, row) -> new TokenOwner(rs.getLong("token_id"),
                        instant(rs.getTimestamp("token_last_used_at")), instant(rs.getTimestamp("token_expires_at")),
                        map(rs, row)))
                .optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from account where username = ?").param(username).query(this::map).optional();
    }

    Optional<Account> findByMobileHash(String hash) {
        return jdbc.sql("select * from account where mobile_hash = ?").param(hash).query(this::map).optional();
    }

    List<Account> findByOrganization(long organizationId) {
        return jdbc.sql("select * from account where organization_id = ? order by id").param(organizationId)
                .query(this::map).list();
    }

    List<Account> findStaff() {
        return jdbc.sql("select * from account where role <> 'PUBLIC' order by role, id").query(this::map).list();
    }

    boolean anyCityAdmin() {
        return jdbc.sql("select count(*) from account where role = 'CITY_ADMIN'").query(Integer.class).single() > 0;
    }

    long insert(Account a) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (username, password_hash, display_name, email, role, organization_id, mobile_hash,
                    mobile_cipher, enabled, failed_logins, locked_until, created_at, last_login_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, null, ?, null)""")
                .params(a.username, a.passwordHash, a.displayName, a.email, a.role.name(), a.organizationId,
                        a.mobileHash, a.mobileCipher, a.enabled, ts(a.createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(Account a) {
        jdbc.sql("""
                update account set password_hash = ?, display_name = ?, email = ?, enabled = ?, failed_logins = ?,
                    locked_until = ?, last_login_at = ?
                where id = ?""")
                .params(a.passwordHash, a.displayName, a.email, a.enabled, a.failedLogins, ts(a.lockedUntil),
                        ts(a.lastLoginAt), a.id)
                .update();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        long org = rs.getLong("organization_id");
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), rs.getString("email"), Role.valueOf(rs.getString("role")),
                org == 0 ? null : org, rs.getString("mobile_hash"), rs.getString("mobile_cipher"),
                rs.getBoolean("enabled"), rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_login_at")));
    }
}
