package cn.sciday.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/** The daily purge, called as the scheduler calls it, skips while another instance holds its lock. */
@IntegrationTest
class PurgeLockIntegrationTests {

    @Autowired
    PersonalDataPurge purge;
    @Autowired
    Registrations registrations;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Accounts accounts;

    @AfterEach
    void reset() {
        clock.reset();
        jdbc.sql("delete from shedlock where name = 'personal-data-purge'").update();
    }

    String personName(long registrationId) {
        return jdbc.sql("select person_name from registration where id = ?").param(registrationId)
                .query(String.class).single();
    }

    @Test
    void theScheduledPurgeRunsOnOneInstanceOnly() {
        long activity = FeedbackAndPurgeIntegrationTests.IDS.incrementAndGet();
        registrations.openSlot(activity, organizations.city().id(), "清除锁测试" + activity, 10, false, true,
                Instant.parse("2021-09-30T01:00:00Z"), Instant.parse("2021-09-30T04:00:00Z"));
        Actor person = accounts.publicUser("1360000" + String.format("%04d", activity % 10_000));
        long id = registrations.register(person, activity, new SignupForm("锁住时不清除", null)).id();
        clock.set("2022-03-11T12:00:00+08:00");

        JdbcTemplateLockProvider otherInstance = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
        Optional<SimpleLock> held = otherInstance.lock(new LockConfiguration(Instant.now(), "personal-data-purge",
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).isPresent();
        purge.scheduled();
        assertThat(personName(id)).as("another instance is purging: this one skips").isEqualTo("锁住时不清除");

        held.get().unlock();
        purge.scheduled();
        assertThat(personName(id)).as("negative control: with the lock free, it purges").isEqualTo("（已清除）");
    }
}
