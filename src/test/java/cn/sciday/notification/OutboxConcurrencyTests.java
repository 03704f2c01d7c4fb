package cn.sciday.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Two dispatchers on the same H2 rows never send one twice; without the claim guard they do. */
class OutboxConcurrencyTests {

    static final int ROWS = 60;

    static String h2() {
        return "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    }

    @Test
    void guardedDispatchersSendEachRowExactlyOnce() throws Exception {
        try (OutboxRace race = new OutboxRace(h2(), null)) {
            race.insertSms(ROWS);
            Map<String, Long> sent = race.race(new OutboxRepository(race.jdbc), new OutboxRepository(race.jdbc), 3);
            assertThat(sent).hasSize(ROWS);
            assertThat(sent.values()).allMatch(n -> n == 1);
            assertThat(race.undelivered()).isZero();
        }
    }

    @Test
    void negativeControlWithoutTheGuardRowsAreSentTwice() throws Exception {
        try (OutboxRace race = new OutboxRace(h2(), null)) {
            race.insertSms(ROWS);
            Map<String, Long> sent = race.race(OutboxRace.unguarded(race.jdbc), OutboxRace.unguarded(race.jdbc), 3);
            assertThat(OutboxRace.duplicates().apply(sent)).as("rows sent more than once").isPositive();
        }
    }
}
