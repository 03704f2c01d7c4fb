package cn.sciday.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import com.zaxxer.hikari.HikariDataSource;

import cn.sciday.MutableClock;
import cn.sciday.web.PersonalData;

/**
 * Two dispatchers on one migrated database (H2 or PostgreSQL), without a Spring context: each sends the same due
 * SMS rows through a slow recording sender. With the claim guard nothing is sent twice; without it (the negative
 * control) rows are.
 */
final class OutboxRace implements AutoCloseable {

    static final String KEY = "c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=";

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final PersonalData personalData = new PersonalData(new MockEnvironment().withProperty("sciday.crypto.key", KEY));
    final MutableClock clock = new MutableClock(MutableClock.DEMO_START, ZoneId.of("Asia/Shanghai"));
    final SlowSmsSender sms = new SlowSmsSender();

    OutboxRace(String url, String schema) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setMaximumPoolSize(6);
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true);
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        jdbc = JdbcClient.create((DataSource) dataSource);
    }

    void insertSms(int count) {
        OutboxRepository outbox = new OutboxRepository(jdbc);
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            outbox.insert(Channel.SMS, 1000 + i, personalData.encrypt(String.format("1380000%04d", i)), null,
                    "msg-" + i, now);
        }
    }

    OutboxDispatcher dispatcher(OutboxRepository outbox) {
        return new OutboxDispatcher(outbox, () -> null, sms, personalData, clock, "noreply@sciday.local");
    }

    /** Runs two dispatchers at once; returns how often each text was sent. */
    Map<String, Long> race(OutboxRepository first, OutboxRepository second, long delayMillis) throws Exception {
        sms.delayMillis = delayMillis;
        OutboxDeliveryIntegrationTests.runTogether(List.of(dispatcher(first), dispatcher(second)));
        return sms.sent.stream().collect(Collectors.groupingBy(SlowSmsSender.Sent::text, Collectors.counting()));
    }

    long undelivered() {
        return jdbc.sql("select count(*) from outbox_message where delivered_at is null").query(Long.class).single();
    }

    /** The negative control: "claims" a row by reading it, without the conditional update. */
    static OutboxRepository unguarded(JdbcClient jdbc) {
        return new OutboxRepository(jdbc) {
            @Override
            Optional<OutboxMessage> claim(long id, String token, Instant now, Instant until) {
                jdbc.sql("update outbox_message set claimed_by = ?, claimed_until = ? where id = ?")
                        .params(token, until.atOffset(ZoneOffset.UTC), id).update();
                return jdbc.sql("select * from outbox_message where id = ? and delivered_at is null").param(id)
                        .query((rs, row) -> new OutboxMessage(rs.getLong("id"),
                                Channel.valueOf(rs.getString("channel")), rs.getLong("account_id"),
                                rs.getString("address"), rs.getString("subject"), rs.getString("body"),
                                rs.getInt("attempts")))
                        .optional();
            }
        };
    }

    static Function<Map<String, Long>, Long> duplicates() {
        return counts -> counts.values().stream().filter(n -> n > 1).count();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
