package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import cn.sciday.SciDayApplication;
import cn.sciday.TestClockConfiguration;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Role;

/**
 * Two instances sharing one database and Redis: a round edited or a question disabled on one is what the next
 * attempt on the other uses, although the other had both cached (its caches are cleared through Redis pub/sub).
 */
@EnabledIfEnvironmentVariable(named = "SCIDAY_TEST_REDIS_URL", matches = ".+",
        disabledReason = "Redis tests need SCIDAY_TEST_REDIS_URL, e.g. redis://127.0.0.1:6379 (set by .ci/run)")
class QuizCachesRedisTests {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] args = {"--spring.profiles.active=test", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:quiz-caches-" + run + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                "--spring.data.redis.url=" + System.getenv("SCIDAY_TEST_REDIS_URL"),
                "--sciday.online.redis.prefix=sciday-test-" + run + ":", "--sciday.cache.channel=sciday-test-" + run,
                "--sciday.rate-limits.redis-prefix=sciday-test-" + run + ":rate:"};
        a = new SpringApplicationBuilder(SciDayApplication.class, TestClockConfiguration.class).run(args);
        b = new SpringApplicationBuilder(SciDayApplication.class, TestClockConfiguration.class).run(args);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void anEditOnOneInstanceIsWhatTheNextAttemptOnTheOtherUses() throws InterruptedException {
        eventually(() -> a.getBean(RedisMessageListenerContainer.class).isListening()
                && b.getBean(RedisMessageListenerContainer.class).isListening());
        QuestionBank bankA = a.getBean(QuestionBank.class);
        QuizTestData.ensureQuestions(bankA, 10);
        QuizRounds roundsA = a.getBean(QuizRounds.class);
        QuizRoundForm form = QuizTestData.round(7, 7, 6, 5, false);
        long round = roundsA.create(form);
        long division = b.getBean(Organizations.class).findByName("江海区").orElseThrow().id();
        QuizAttempts attemptsB = b.getBean(QuizAttempts.class);
        QuizLookups lookupsB = b.getBean(QuizLookups.class);

        // b caches the round and the pools
        assertThat(attemptsB.start(TestLogins.actor(Role.PUBLIC, null), round, division, false).questions())
                .hasSize(20);
        List<Long> pool = lookupsB.enabledIds(QuestionType.SINGLE);

        roundsA.update(round, new QuizRoundForm("另一台改过的答题", form.opensAt(), form.closesAt(), "3", "2", "1", "5",
                "30", "600", "5", false, "50", null));
        long disabled = pool.get(0);
        bankA.setEnabled(disabled, false);

        eventually(() -> lookupsB.round(round).title().equals("另一台改过的答题")
                && !lookupsB.enabledIds(QuestionType.SINGLE).contains(disabled));
        QuizPaper paper = attemptsB.start(TestLogins.actor(Role.PUBLIC, null), round, division, false);
        assertThat(paper.questions()).hasSize(6);
        assertThat(lookupsB.enabledIds(QuestionType.SINGLE)).hasSize(pool.size() - 1);
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the other instance").isBefore(until);
            Thread.sleep(100);
        }
    }
}
