package cn.sciday.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import cn.sciday.PostgresTestDatabase;

/** The outbox claim on PostgreSQL: two dispatchers never send a row twice; without the guard they do. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class OutboxConcurrencyPostgresTests {

    static final int ROWS = 60;

    @Test
    void guardedDispatchersSendEachRowExactlyOnce() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             OutboxRace race = new OutboxRace(db.url(), db.schema())) {
            race.insertSms(ROWS);
            Map<String, Long> sent = race.race(new OutboxRepository(race.jdbc), new OutboxRepository(race.jdbc), 3);
            assertThat(sent).hasSize(ROWS);
            assertThat(sent.values()).allMatch(n -> n == 1);
            assertThat(race.undelivered()).isZero();
        }
    }

    @Test
    void negativeControlWithoutTheGuardRowsAreSentTwice() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             OutboxRace race = new OutboxRace(db.url(), db.schema())) {
            race.insertSms(ROWS);
            Map<String, Long> sent = race.race(OutboxRace.unguarded(race.jdbc), OutboxRace.unguarded(race.jdbc), 3);
            assertThat(OutboxRace.duplicates().apply(sent)).as("rows sent more than once").isPositive();
        }
    }
}
