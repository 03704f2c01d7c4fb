package cn.sciday.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Stamps wait in memory and are written on the writer's schedule and when the instance stops. */
class TokenUseStampsTests {

    final JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:stamps-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));

    TokenUseStampsTests() {
        jdbc.execute("create table api_token (id bigint primary key, last_used_at timestamp with time zone)");
        jdbc.update("insert into api_token (id) values (1), (2)");
    }

    Instant lastUsed(long id) {
        java.time.OffsetDateTime t = jdbc.queryForObject("select last_used_at from api_token where id = ?",
                java.time.OffsetDateTime.class, id);
        return t == null ? null : t.toInstant();
    }

    @Test
    void stopWritesWhatWaits() {
        TokenUseStamps stamps = new TokenUseStamps(jdbc, Duration.ofHours(1));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        stamps.used(1, at);
        assertThat(lastUsed(1)).isNull();
        stamps.stop();
        assertThat(lastUsed(1)).isEqualTo(at);
        assertThat(lastUsed(2)).isNull();
    }

    @Test
    void theWriterWritesOnItsSchedule() throws Exception {
        TokenUseStamps stamps = new TokenUseStamps(jdbc, Duration.ofMillis(50));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        stamps.used(2, at);
        for (int i = 0; i < 100 && lastUsed(2) == null; i++) {
            Thread.sleep(20);
        }
        assertThat(lastUsed(2)).isEqualTo(at);
        assertThat(stamps.waiting()).isZero();
        stamps.stop();
    }
}
