package cn.sciday.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code sciday.signups} counts confirmed, waitlisted and refused sign-ups and reaches Prometheus. */
@IntegrationTest
class SignupMetricsIntegrationTests {

    static final AtomicLong MOBILE = new AtomicLong(13500000000L);

    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;

    double count(String status) {
        return meters.get(SignupMetrics.NAME).tag("status", status).counter().count();
    }

    @Test
    void countsEachOutcome() throws Exception {
        long activity = FeedbackAndPurgeIntegrationTests.IDS.incrementAndGet();
        registrations.openSlot(activity, organizations.city().id(), "计数测试" + activity, 1, false, true,
                Instant.parse("2021-09-30T01:00:00Z"), Instant.parse("2021-09-30T04:00:00Z"));
        double confirmed = count("CONFIRMED");
        double waitlisted = count("WAITLISTED");
        double refused = count("REFUSED");

        Actor first = accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
        Actor second = accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
        registrations.register(first, activity, new SignupForm("第一位", null));
        registrations.register(second, activity, new SignupForm("第二位", null));
        assertThatThrownBy(() -> registrations.register(first, activity, new SignupForm("第一位", null)))
                .isInstanceOf(ConflictException.class);

        assertThat(count("CONFIRMED") - confirmed).isEqualTo(1);
        assertThat(count("WAITLISTED") - waitlisted).isEqualTo(1);
        assertThat(count("REFUSED") - refused).isEqualTo(1);
        String prometheus = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        assertThat(prometheus).contains("sciday_signups_total{status=\"CONFIRMED\"}")
                .contains("sciday_signups_total{status=\"REFUSED\"}");
    }
}
