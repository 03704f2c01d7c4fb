package cn.sciday.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class InboxRepository {

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, String subject, String body, String link, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into inbox_message (account_id, subject, body, link, created_at) values (?, ?, ?, ?, ?)")
                .params(accountId, subject, body, link, at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<InboxMessage> findForAccount(long accountId, int limit) {
        return jdbc.sql("select * from inbox_message where account_id = ? order by created_at desc, id desc limit ?")
                .params(accountId, limit).query(this::map).list();
    }

    Optional<InboxMessage> find(long accountId, long id) {
        return jdbc.sql("select * from inbox_message where id = ? and account_id = ?").params(id, accountId)
                .query(this::map).optional();
    }

    long countUnread(long accountId) {
        return jdbc.sql("select count(*) from inbox_message where account_id = ? and read_at is null")
                .param(accountId).query(Long.class).single();
    }

    long count(long accountId) {
        return jdbc.sql("select count(*) from inbox_message where account_id = ?")
                .param(accountId).query(Long.class).single();
    }

    void markRead(long accountId, long id, Instant at) {
        jdbc.sql("update inbox_message set read_at = ? where id = ? and account_id = ? and read_at is null")
                .params(at.atOffset(ZoneOffset.UTC), id, accountId).update();
    }

    int markAllRead(long accountId, Instant at) {
        return jdbc.sql("update inbox_message set read_at = ? where account_id = ? and read_at is null")
                .params(at.atOffset(ZoneOffset.UTC), accountId).update();
    }

    private InboxMessage map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxMessage(rs.getLong("id"), rs.getLong("account_id"), rs.getString("subject"),
                rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
