package cn.sciday.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Rows are claimed one by one with a conditional UPDATE (not delivered, due, and not claimed by
 * a live lease): on PostgreSQL and H2 a second instance updating the same row waits for the first to commit and
 * then no longer matches, so two dispatchers never hold the same row. The claim carries a token that the
 * dispatcher must present to mark the row delivered or failed.
 */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Channel channel, long accountId, String address, String subject, String body, Instant now) {
        jdbc.sql("""
                insert into outbox_message (channel, account_id, address, subject, body, created_at, attempts,
                    next_attempt_at)
                values (?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(channel.name(), accountId, address, subject, body, ts(now), ts(now))
                .update();
    }

    /** A row that is due: a hint only, it must still be claimed. */
    record Due(long id, Channel channel) {
    }

    /** Rows due now on the given channels, oldest first. */
    List<Due> findDue(Collection<Channel> channels, Instant now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, channel from outbox_message
                where delivered_at is null and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until < :now) and channel in (:channels)
                order by next_attempt_at, id limit :limit""")
                .param("now", ts(now)).param("channels", channels.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query((rs, row) -> new Due(rs.getLong("id"), Channel.valueOf(rs.getString("channel")))).list();
    }

    /** Claims a row until {@code until} for {@code token}; empty if someone else holds it or it is not due. */
    Optional<OutboxMessage> claim(long id, String token, Instant now, Instant until) {
        int n = jdbc.sql("""
                update outbox_message set claimed_until = ?, claimed_by = ?
                where id = ? and delivered_at is null and next_attempt_at <= ?
                  and (claimed_until is null or claimed_until < ?)""")
                .params(ts(until), token, id, ts(now), ts(now)).update();
        if (n != 1) {
            return Optional.empty();
        }
        return claimed(id, token);
    }

    Optional<OutboxMessage> claimed(long id, String token) {
        return jdbc.sql("select * from outbox_message where id = ? and claimed_by = ? and delivered_at is null")
                .params(id, token).query(this::map).optional();
    }

    /** True if the row was still ours and is now delivered. */
    boolean markDelivered(long id, String token, Instant now) {
        return jdbc.sql("""
                update outbox_message set delivered_at = ?, attempts = attempts + 1, claimed_until = null
                where id = ? and claimed_by = ? and delivered_at is null""")
                .params(ts(now), id, token).update() == 1;
    }

    boolean markFailed(long id, String token, Instant nextAttempt, String error) {
        return jdbc.sql("""
                update outbox_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                    claimed_until = null, claimed_by = null
                where id = ? and claimed_by = ? and delivered_at is null""")
                .params(ts(nextAttempt), error, id, token).update() == 1;
    }

    long countUndelivered(Channel channel) {
        return jdbc.sql("select count(*) from outbox_message where delivered_at is null and channel = ?")
                .param(channel.name()).query(Long.class).single();
    }

    Optional<Instant> oldestUndelivered() {
        return jdbc.sql("select min(created_at) from outbox_message where delivered_at is null")
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getLong("account_id"),
                rs.getString("address"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"));
    }
}
