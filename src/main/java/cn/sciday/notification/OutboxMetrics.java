package cn.sciday.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * Outbox health for {@code /actuator/prometheus}: {@code sciday.outbox.backlog} (undelivered rows, by channel) and
 * {@code sciday.outbox.oldest.age} (how long the oldest undelivered row has waited; 0 when none). Alert when the age
 * keeps growing: a mail server or SMS gateway is down.
 */
@Component
class OutboxMetrics {

    private final OutboxRepository outbox;
    private final Clock clock;

    OutboxMetrics(OutboxRepository outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            Gauge.builder("sciday.outbox.backlog", outbox, o -> o.countUndelivered(channel))
                    .description("Notifications written but not yet delivered")
                    .tag("channel", channel.name().toLowerCase())
                    .register(registry);
        }
        TimeGauge.builder("sciday.outbox.oldest.age", this, TimeUnit.SECONDS, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest undelivered notification")
                .register(registry);
    }

    double oldestAgeSeconds() {
        return outbox.oldestUndelivered()
                .map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
