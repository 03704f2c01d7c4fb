package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import cn.sciday.IntegrationTest;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Jobs run once across instances: the app's lock provider and a second one on the same database (another instance)
 * run a job of the same name at the same moment, and only one runs it. On PostgreSQL with two whole instances: see
 * SeveralInstancesPostgresTests.
 */
@IntegrationTest
class SchedulerLockIntegrationTests {

    @Autowired
    LockProvider appLocks;
    @Autowired
    DataSource dataSource;

    @Test
    void twoInstancesStartingTheSameJobTogetherRunItOnce() throws Exception {
        LockProvider otherInstance = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
        String job = "test-job-" + UUID.randomUUID();
        assertThat(JobLocks.runTogether(List.of(appLocks, otherInstance), List.of(job, job))).isEqualTo(1);
        assertThat(JobLocks.runTogether(List.of(appLocks, otherInstance), List.of(job, job)))
                .as("the lock is released after the run").isEqualTo(1);
        assertThat(JobLocks.runTogether(List.of(appLocks, otherInstance), List.of(job + "-1", job + "-2")))
                .as("negative control: without a shared lock name both run").isEqualTo(2);
    }

    @Test
    void everyScheduledJobIsLocked() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile("cn\\.sciday\\..*")));
        List<String> scheduled = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.sciday")) {
            for (Method m : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scheduled.class)) {
                    scheduled.add(m.toString());
                    if (!m.isAnnotationPresent(SchedulerLock.class)) {
                        unlocked.add(m.toString());
                    }
                }
            }
        }
        assertThat(scheduled).as("the scan finds the jobs").hasSizeGreaterThanOrEqualTo(2);
        assertThat(unlocked).as("@Scheduled without @SchedulerLock runs on every instance").isEmpty();
    }
}
