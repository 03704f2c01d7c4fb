package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;
import cn.sciday.TestLogins;
import cn.sciday.campaign.Campaign;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Ten parallel starts by the same person on PostgreSQL: the database guards leave exactly one open attempt, and
 * exactly one official attempt under a limit of one a day. Negative control: with the open-attempt guard switched
 * off, the application's own check lets several through.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class QuizConcurrencyPostgresTests {

    static final int PARALLEL = 10;

    static PostgresTestDatabase db;
    static ConfigurableApplicationContext app;
    static QuizAttempts attempts;
    static JdbcClient jdbc;
    static long roundId;
    static long division;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresTestDatabase.freshSchema();
        app = new SpringApplicationBuilder(SciDayApplication.class).run("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=", "--spring.datasource.password=", "--server.port=0",
                "--sciday.demo.mode=off", "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN",
                "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                // the races start more often than a person may (10 a minute): they test the database's guards
                "--sciday.rate-limits.quiz-starts-per-person.limit=1000");
        attempts = app.getBean(QuizAttempts.class);
        jdbc = app.getBean(JdbcClient.class);
        QuizTestData.ensureQuestions(app.getBean(QuestionBank.class), 8);
        LocalDateTime now = LocalDateTime.now(app.getBean(Clock.class).withZone(Campaign.ZONE))
                .truncatedTo(ChronoUnit.MINUTES);
        roundId = app.getBean(QuizRounds.class).create(new QuizRoundForm("并发测试", now.minusHours(1).toString(),
                now.plusDays(1).toString(), "7", "7", "6", "5", "30", "600", "1", true, "50", null));
        division = app.getBean(Organizations.class).findByName("江海区").orElseThrow().id();
        warmUp();
    }

    /** Opens as many pooled connections as there are racers, so that the race is not a queue for connections. */
    private static void warmUp() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            futures.add(pool.submit(() -> jdbc.sql("select pg_sleep(0.3)").query().listOfRows()));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void tenParallelStartsLeaveExactlyOneOpenAttempt() throws Exception {
        Actor me = joined();
        List<String> outcomes = race(me, true);
        assertThat(openAttempts(me)).as(outcomes.toString()).isEqualTo(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isIn("started", "conflict"));
    }

    @Test
    void tenParallelOfficialStartsUnderALimitOfOneCreateOneAttempt() throws Exception {
        Actor me = joined();
        List<String> outcomes = race(me, false);
        assertThat(jdbc.sql("select count(*) from quiz_attempt where round_id = ? and account_id = ? and practice = false")
                .params(roundId, me.accountId()).query(Integer.class).single()).as(outcomes.toString()).isEqualTo(1);
        assertThat(openAttempts(me)).isEqualTo(1);
    }

    @Test
    void negativeControlWithoutTheDatabaseGuardSeveralAttemptsOpen() throws Exception {
        // The switch is a field of the service itself, not of its transactional proxy.
        QuizAttempts target = AopTestUtils.getUltimateTargetObject(attempts);
        target.openAttemptGuard = false;
        try {
            int most = 0;
            for (int trial = 0; trial < 10 && most <= 1; trial++) {
                Actor me = joined();
                race(me, true);
                most = Math.max(most, openAttempts(me));
            }
            assertThat(most).as("open attempts of one person without the guard").isGreaterThan(1);
        } finally {
            target.openAttemptGuard = true;
        }
    }

    /**
     * On PostgreSQL a start's writes are one statement: the person joins the round (first start), the attempt, its
     * guard and its frozen questions in the paper's order with their correct answers; a start while it is open writes
     * nothing and returns it.
     */
    @Test
    void aFirstStartJoinsWritesTheAttemptItsGuardAndItsQuestionsInOneStatement() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, roundId, division, false);
        assertThat(jdbc.sql("select division_id || ' ' || display_name || ' ' || coalesce(best_score, -1) from "
                + "quiz_participant where round_id = ? and account_id = ?").params(roundId, me.accountId())
                .query(String.class).single()).isEqualTo(division + " " + me.displayName() + " -1");
        assertThat(jdbc.sql("select status || ' ' || practice || ' ' || attempt_no || ' ' || question_count from "
                + "quiz_attempt where id = ?").params(paper.attemptId()).query(String.class).single())
                .isEqualTo("OPEN false 1 20");
        assertThat(jdbc.sql("select attempt_id from quiz_open_attempt where round_id = ? and account_id = ?")
                .params(roundId, me.accountId()).query(Long.class).list()).containsExactly(paper.attemptId());
        List<Map<String, Object>> frozen = jdbc.sql("select f.position, f.question_id, f.question_type, "
                + "f.correct_answer = q.correct_answer as same from quiz_attempt_question f join quiz_question q "
                + "on q.id = f.question_id where f.attempt_id = ? order by f.position").params(paper.attemptId())
                .query().listOfRows();
        assertThat(frozen).hasSize(20);
        for (int i = 0; i < frozen.size(); i++) {
            QuizPaper.Question shown = paper.questions().get(i);
            assertThat(((Number) frozen.get(i).get("position")).intValue()).isEqualTo(i + 1).isEqualTo(shown.number());
            assertThat(((Number) frozen.get(i).get("question_id")).longValue()).isEqualTo(shown.id());
            assertThat(frozen.get(i).get("question_type")).isEqualTo(shown.type().name());
            assertThat(frozen.get(i).get("same")).isEqualTo(true);
        }

        QuizPaper again = attempts.start(me, roundId, null, false);
        assertThat(again.attemptId()).isEqualTo(paper.attemptId());
        assertThat(jdbc.sql("select count(*) from quiz_attempt_question where attempt_id in (select id from "
                + "quiz_attempt where account_id = ?)").params(me.accountId()).query(Integer.class).single())
                .isEqualTo(20);
        assertThat(guards(me)).isEqualTo(1);
    }

    /**
     * On PostgreSQL a submission is one statement: the attempt marked, its answers stored, its guard lifted, the
     * best offered; a practice attempt is never the best; ten parallel submissions of one attempt count once.
     */
    @Test
    void aSubmissionStoresAnswersLiftsTheGuardAndOffersTheBestInOneStatement() throws Exception {
        Actor me = joined();
        QuizPaper paper = attempts.start(me, roundId, null, false);
        List<Map<String, Object>> frozen = jdbc.sql("select position, question_id, correct_answer from "
                + "quiz_attempt_question where attempt_id = ? order by position").params(paper.attemptId())
                .query().listOfRows();
        Map<Long, String> answers = new java.util.HashMap<>();
        for (Map<String, Object> q : frozen.subList(0, 5)) {
            answers.put(((Number) q.get("question_id")).longValue(), (String) q.get("correct_answer"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<QuizResult>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return attempts.submit(me, paper.attemptId(), answers);
            }));
        }
        go.countDown();
        for (Future<QuizResult> f : futures) {
            QuizResult r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.correctCount()).isEqualTo(5);
            assertThat(r.score()).isEqualTo(25);
        }
        pool.shutdown();

        assertThat(jdbc.sql("select status || ' ' || correct_count || ' ' || score from quiz_attempt where id = ?")
                .params(paper.attemptId()).query(String.class).single()).isEqualTo("SUBMITTED 5 25");
        List<String> stored = jdbc.sql("select position || ':' || coalesce(chosen, '-') || ':' || "
                + "coalesce(cast(answered_right as varchar), '-') from quiz_attempt_question where attempt_id = ? "
                + "order by position").params(paper.attemptId()).query(String.class).list();
        for (int i = 0; i < frozen.size(); i++) {
            assertThat(stored.get(i)).isEqualTo(i < 5 ? (i + 1) + ":" + frozen.get(i).get("correct_answer") + ":true"
                    : (i + 1) + ":-:false");
        }
        assertThat(guards(me)).as("the open-attempt guard is lifted").isZero();
        assertThat(best(me)).isEqualTo(paper.attemptId() + " 25");

        QuizPaper practice = attempts.start(me, roundId, null, true);
        // as if another instance had started it: the sheet is read, and the statement runs in a transaction
        app.getBean(QuizOpenSheets.class).finished(practice.attemptId());
        Map<Long, String> allRight = new java.util.HashMap<>();
        jdbc.sql("select question_id, correct_answer from quiz_attempt_question where attempt_id = ?")
                .params(practice.attemptId()).query().listOfRows()
                .forEach(q -> allRight.put(((Number) q.get("question_id")).longValue(), (String) q.get("correct_answer")));
        assertThat(attempts.submit(me, practice.attemptId(), allRight).correctCount()).isEqualTo(frozen.size());
        assertThat(best(me)).as("a practice attempt is never the best").isEqualTo(paper.attemptId() + " 25");
        assertThat(guards(me)).isZero();
    }

    /** An attempt closed as expired is submitted with no answers: the statement without its answers part. */
    @Test
    void anAttemptClosedWithNoAnswersIsMarkedAndItsGuardLifted() {
        Actor me = joined();
        QuizPaper paper = attempts.start(me, roundId, null, false);
        QuizAttemptRepository repository = app.getBean(QuizAttemptRepository.class);
        QuizAttempt open = repository.sheet(paper.attemptId()).orElseThrow().attempt();
        assertThat(repository.submit(open, open.deadlineAt(), true, 0, 0, 600_000, List.of()))
                .isEqualTo(new QuizAttemptRepository.Submission(true, true));
        assertThat(repository.submit(open, open.deadlineAt(), true, 0, 0, 600_000, List.of()))
                .as("closed once").isEqualTo(new QuizAttemptRepository.Submission(false, false));
        assertThat(jdbc.sql("select status || ' ' || late || ' ' || score from quiz_attempt where id = ?")
                .params(paper.attemptId()).query(String.class).single()).isEqualTo("SUBMITTED true 0");
        assertThat(jdbc.sql("select count(*) from quiz_attempt_question where attempt_id = ? and chosen is not null")
                .params(paper.attemptId()).query(Integer.class).single()).isZero();
        assertThat(guards(me)).isZero();
        assertThat(best(me)).isEqualTo(paper.attemptId() + " 0");
    }

    private static int guards(Actor me) {
        return jdbc.sql("select count(*) from quiz_open_attempt where round_id = ? and account_id = ?")
                .params(roundId, me.accountId()).query(Integer.class).single();
    }

    private static String best(Actor me) {
        return jdbc.sql("select best_attempt_id || ' ' || best_score from quiz_participant where round_id = ? "
                + "and account_id = ?").params(roundId, me.accountId()).query(String.class).single();
    }

    /** A person who has chosen a division (one practice attempt, submitted). */
    private static Actor joined() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper first = attempts.start(me, roundId, division, true);
        attempts.submit(me, first.attemptId(), Map.of());
        return me;
    }

    private static List<String> race(Actor me, boolean practice) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch ready = new CountDownLatch(PARALLEL);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    attempts.start(me, roundId, null, practice);
                    return "started";
                } catch (cn.sciday.web.ConflictException e) {
                    return "conflict";
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
        }
        ready.await();
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }

    private static int openAttempts(Actor me) {
        return jdbc.sql("select count(*) from quiz_attempt where round_id = ? and account_id = ? and status = 'OPEN'")
                .params(roundId, me.accountId()).query(Integer.class).single();
    }
}
