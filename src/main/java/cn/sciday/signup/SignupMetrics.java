package cn.sciday.signup;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code sciday.signups} (Prometheus: {@code sciday_signups_total}) by {@code status}: CONFIRMED and WAITLISTED count
 * committed sign-ups, REFUSED counts sign-ups refused with a reason (closed, ended, already signed up, bad input).
 */
@Component
class SignupMetrics {

    static final String NAME = "sciday.signups";
    static final String REFUSED = "REFUSED";

    private final Map<RegistrationStatus, Counter> accepted = new EnumMap<>(RegistrationStatus.class);
    private final Counter refused;

    SignupMetrics(MeterRegistry registry) {
        for (RegistrationStatus status : new RegistrationStatus[] {RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITLISTED}) {
            accepted.put(status, counter(registry, status.name()));
        }
        refused = counter(registry, REFUSED);
    }

    private static Counter counter(MeterRegistry registry, String status) {
        return Counter.builder(NAME).description("Sign-ups by outcome").tag("status", status).register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SignupEvents.Registered event) {
        Counter c = accepted.get(event.status());
        if (c != null) {
            c.increment();
        }
    }

    void refused() {
        refused.increment();
    }
}
