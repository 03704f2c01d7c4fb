package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;
import cn.sciday.web.TooManyRequestsException;

/** The server decides: frozen draws, its own clock, the daily limit, one open attempt, one counted submission. */
@IntegrationTest
class QuizAttemptRulesIntegrationTests {

    @Autowired
    QuizAttempts attempts;
    @Autowired
    QuizRounds rounds;
    @Autowired
    QuestionBank bank;
    @Autowired
    QuestionRepository questions;
    @Autowired
    QuizLeaderboard leaderboard;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    long division;
    QuizRound round;

    @BeforeEach
    void setUp() {
        QuizTestData.ensureQuestions(bank, 8);
        division = organizations.findByName("江海区").orElseThrow().id();
        round = rounds.get(rounds.create(QuizTestData.round(7, 7, 6, 1, true)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void questionsAreDrawnByTypeAndFrozenWithTheirOrder() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, round.id(), division, false);
        assertThat(paper.questions()).hasSize(20);
        assertThat(paper.questions().stream().map(QuizPaper.Question::type).toList())
                .containsExactlyElementsOf(java.util.stream.Stream.of(
                        java.util.Collections.nCopies(7, QuestionType.TRUE_FALSE),
                        java.util.Collections.nCopies(7, QuestionType.SINGLE),
                        java.util.Collections.nCopies(6, QuestionType.MULTIPLE)).flatMap(List::stream).toList());
        assertThat(paper.questions().stream().map(QuizPaper.Question::id).distinct()).hasSize(20);
        assertThat(paper.secondsLeft()).isEqualTo(600);
        // Fetching the attempt again shows the same questions in the same order: they were frozen at the start.
        QuizPaper again = (QuizPaper) attempts.view(me, paper.attemptId());
        assertThat(again.questions()).isEqualTo(paper.questions());
        // Starting again while it is open gives back the same attempt, not a new draw.
        assertThat(attempts.start(me, round.id(), null, false).attemptId()).isEqualTo(paper.attemptId());
        // Editing the correct answer afterwards does not change how this attempt is scored.
        QuizPaper.Question first = paper.questions().get(7);
        QuizQuestion q = questions.findById(first.id()).orElseThrow();
        String frozen = q.correctAnswer();
        Map<Long, String> answers = QuizTestData.rightAnswers(paper, questions);
        try {
            bank.update(q.id(), q.version(), new QuestionDraft("单选题", q.stem(), q.options(),
                    "A".equals(frozen) ? "B" : "A", q.explanation(), String.valueOf(q.themeNumber())));
            QuizResult result = attempts.submit(me, paper.attemptId(), answers);
            assertThat(result.correctCount()).isEqualTo(20);
            assertThat(result.score()).isEqualTo(100);
        } finally {
            QuizQuestion changed = questions.findById(q.id()).orElseThrow();
            bank.update(q.id(), changed.version(), new QuestionDraft("单选题", q.stem(), q.options(), frozen,
                    q.explanation(), String.valueOf(q.themeNumber())));
        }
    }

    @Test
    void theDivisionIsAskedOnTheFirstAttemptAndMustBeADivision() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        assertThatThrownBy(() -> attempts.start(me, round.id(), null, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择您所在的市（区）");
        long city = organizations.city().id();
        assertThatThrownBy(() -> attempts.start(me, round.id(), city, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请从列表中选择");
        attempts.start(me, round.id(), division, false);
        assertThat(attempts.participant(me, round.id()).orElseThrow().divisionId()).isEqualTo(division);
    }

    @Test
    void answersAfterTheTimeLimitAndGraceCountNothing() {
        Actor onTime = TestLogins.actor(Role.PUBLIC, null);
        Actor late = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper a = attempts.start(onTime, round.id(), division, false);
        QuizPaper b = attempts.start(late, round.id(), division, false);
        // 600 s limit + 5 s grace: at 604 s the answers count, at 606 s they do not.
        clock.advance(Duration.ofSeconds(604));
        QuizResult counted = attempts.submit(onTime, a.attemptId(), QuizTestData.rightAnswers(a, questions));
        assertThat(counted.late()).isFalse();
        assertThat(counted.score()).isEqualTo(100);
        assertThat(counted.elapsedMillis()).isEqualTo(604_000);
        clock.advance(Duration.ofSeconds(2));
        QuizResult notCounted = attempts.submit(late, b.attemptId(), QuizTestData.rightAnswers(b, questions));
        assertThat(notCounted.late()).isTrue();
        assertThat(notCounted.score()).isZero();
        assertThat(notCounted.correctCount()).isZero();
        assertThat(notCounted.questions()).allSatisfy(q -> {
            assertThat(q.answeredRight()).isFalse();
            assertThat(q.chosen()).isNull();
        });
        assertThat(notCounted.elapsedMillis()).isEqualTo(600_000);
    }

    @Test
    void anAttemptLeftOpenPastItsLimitIsClosedWithNothingCountedWhenSeenAgain() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, round.id(), division, true);
        clock.advance(Duration.ofMinutes(30));
        Object seen = attempts.view(me, paper.attemptId());
        assertThat(seen).isInstanceOf(QuizResult.class);
        assertThat(((QuizResult) seen).late()).isTrue();
        assertThat(((QuizResult) seen).score()).isZero();
        // …and a new attempt can start: the open-attempt guard was released.
        assertThat(attempts.start(me, round.id(), null, true).attemptId()).isNotEqualTo(paper.attemptId());
        // answers sent after that get the closed result, though this instance still keeps the sheet it started
        QuizResult after = attempts.submit(me, paper.attemptId(), QuizTestData.rightAnswers(paper, questions));
        assertThat(after).isEqualTo(seen);
    }

    @Test
    void aSubmissionOnTheInstanceThatStartedTheAttemptDoesNotReadItsSheetAgain() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, round.id(), division, false);
        // changed behind the module's back: a submission that read the sheet would score by the new correct answers
        jdbc.sql("update quiz_attempt_question set correct_answer = 'F' where attempt_id = ?")
                .params(paper.attemptId()).update();
        clock.advance(Duration.ofSeconds(60));
        QuizResult result = attempts.submit(me, paper.attemptId(), QuizTestData.rightAnswers(paper, questions));
        assertThat(result.correctCount()).as("scored by the sheet kept at the start").isEqualTo(20);
        assertThat(leaderboard.board(round, null, null, me.accountId()).me().score()).isEqualTo(100);
        // another person never gets it, kept or not
        Actor other = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper mine = attempts.start(me, round.id(), null, true);
        assertThatThrownBy(() -> attempts.submit(other, mine.attemptId(), Map.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDailyLimitCountsBeijingDays() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        clock.set("2021-09-15T23:50:00+08:00");
        QuizPaper first = attempts.start(me, round.id(), division, false);
        attempts.submit(me, first.attemptId(), Map.of());
        clock.set("2021-09-15T23:58:00+08:00");
        assertThatThrownBy(() -> attempts.start(me, round.id(), null, false))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("今天的 1 次答题机会已经用完").hasMessageContaining("9月16日")
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds()).isEqualTo(120));
        // Practice is not limited by the daily count.
        QuizPaper practice = attempts.start(me, round.id(), null, true);
        attempts.submit(me, practice.attemptId(), Map.of());
        // 00:00 Beijing time (16:00 UTC) is the next day.
        clock.set("2021-09-16T00:00:01+08:00");
        QuizPaper next = attempts.start(me, round.id(), null, false);
        assertThat(next.attemptId()).isNotEqualTo(first.attemptId());
    }

    @Test
    void theDailyLimitIsAlsoAUniqueKeyInTheDatabase() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper first = attempts.start(me, round.id(), division, false);
        attempts.submit(me, first.attemptId(), Map.of());
        // Writing a second official attempt no. 1 for the same day directly fails.
        assertThatThrownBy(() -> jdbc.sql("""
                insert into quiz_attempt (round_id, account_id, practice, attempt_day, attempt_no, status, started_at,
                    deadline_at, late, question_count)
                select round_id, account_id, practice, attempt_day, attempt_no, 'OPEN', started_at, deadline_at, late,
                    question_count from quiz_attempt where id = ?""").params(first.attemptId()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        // …and so does a second row in the open-attempt guard.
        QuizPaper open = attempts.start(me, round.id(), null, true);
        assertThatThrownBy(() -> jdbc.sql("insert into quiz_open_attempt (round_id, account_id, attempt_id) values (?, ?, ?)")
                .params(round.id(), me.accountId(), first.attemptId()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        attempts.submit(me, open.attemptId(), Map.of());
    }

    @Test
    void submittingTwiceCountsOnce() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, round.id(), division, false);
        clock.advance(Duration.ofSeconds(100));
        QuizResult first = attempts.submit(me, paper.attemptId(), QuizTestData.answers(paper, questions, 12));
        clock.advance(Duration.ofSeconds(10));
        QuizResult second = attempts.submit(me, paper.attemptId(), QuizTestData.rightAnswers(paper, questions));
        assertThat(first.score()).isEqualTo(60);
        assertThat(second).isEqualTo(first);
        assertThat(leaderboard.board(round, null, null, me.accountId()).me().score()).isEqualTo(60);
        assertThat(jdbc.sql("select count(*) from quiz_attempt where round_id = ? and account_id = ?")
                .params(round.id(), me.accountId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void scoringCountsPointsPerRightAnswerAndMultipleChoiceNeedsExactlyTheRightSet() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, round.id(), division, false);
        Map<Long, String> answers = new java.util.LinkedHashMap<>(QuizTestData.rightAnswers(paper, questions));
        List<QuizPaper.Question> multiple = paper.questions().stream()
                .filter(q -> q.type() == QuestionType.MULTIPLE).toList();
        String correct = answers.get(multiple.get(0).id());
        String unansweredCorrect = answers.get(multiple.get(2).id());
        answers.put(multiple.get(0).id(), correct.substring(0, 1));           // too few: wrong
        answers.put(multiple.get(1).id(), correct + "F");                     // F is not an option here: not understood
        answers.remove(multiple.get(2).id());                                 // not answered
        answers.put(multiple.get(3).id(), String.join(",", answers.get(multiple.get(3).id()).split(""))); // A,B is AB: right
        QuizPaper.Question tf = paper.questions().get(0);
        answers.put(tf.id(), "A".equals(answers.get(tf.id())) ? "对" : "错");   // 对 / 错 as words: right
        QuizResult result = attempts.submit(me, paper.attemptId(), answers);
        assertThat(result.correctCount()).isEqualTo(17);
        assertThat(result.score()).isEqualTo(85);
        assertThat(result.maxScore()).isEqualTo(100);
        QuizResult.Question unanswered = result.questions().stream()
                .filter(q -> q.id() == multiple.get(2).id()).findFirst().orElseThrow();
        assertThat(unanswered.chosen()).isNull();
        assertThat(unanswered.explanation()).isNotBlank();
        assertThat(unanswered.correctAnswerText()).isEqualTo(String.join("、", unansweredCorrect.split("")));
    }

    @Test
    void bestScoreCountsAndTiesGoToLessTimeThenToTheEarlierFinish() {
        QuizRound r = rounds.get(rounds.create(QuizTestData.round(7, 7, 6, 3, true)));
        Actor fast = TestLogins.actor(Role.PUBLIC, null);
        Actor slow = TestLogins.actor(Role.PUBLIC, null);
        Actor early = TestLogins.actor(Role.PUBLIC, null);
        Actor later = TestLogins.actor(Role.PUBLIC, null);
        Actor best = TestLogins.actor(Role.PUBLIC, null);
        Actor practising = TestLogins.actor(Role.PUBLIC, null);
        // best: 60 first, then 95; the best (95) counts.
        take(best, r, 12, 50);
        take(best, r, 19, 300);
        // fast and slow: 90 each; fast took less time.
        take(slow, r, 18, 200);
        take(fast, r, 18, 100);
        // early and later: 80 in exactly the same time; early finished first.
        take(early, r, 16, 150);
        take(later, r, 16, 150);
        // a perfect practice never reaches the leaderboard.
        QuizPaper p = attempts.start(practising, r.id(), division, true);
        attempts.submit(practising, p.attemptId(), QuizTestData.rightAnswers(p, questions));

        QuizLeaderboard.Board board = leaderboard.board(r, null, null, practising.accountId());
        assertThat(board.entries()).extracting(QuizLeaderboard.Entry::accountId).containsExactly(
                best.accountId(), fast.accountId(), slow.accountId(), early.accountId(), later.accountId());
        assertThat(board.entries()).extracting(QuizLeaderboard.Entry::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(board.entries()).extracting(QuizLeaderboard.Entry::score).containsExactly(95, 90, 90, 80, 80);
        assertThat(board.me()).isNull();
        assertThat(board.ranked()).isEqualTo(5);
        assertThat(leaderboard.board(r, null, null, slow.accountId()).me().rank()).isEqualTo(3);
        assertThat(leaderboard.board(r, null, 2, later.accountId()).entries()).hasSize(2);
        assertThat(leaderboard.board(r, null, 2, later.accountId()).me().rank()).isEqualTo(5);
    }

    @Test
    void leaderboardsByDivisionHoldOnlyThatDivisionsParticipants() {
        QuizRound r = rounds.get(rounds.create(QuizTestData.round(7, 7, 6, 1, false)));
        long xinhui = organizations.findByName("新会区").orElseThrow().id();
        Actor a = TestLogins.actor(Role.PUBLIC, null);
        Actor b = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper pa = attempts.start(a, r.id(), division, false);
        attempts.submit(a, pa.attemptId(), QuizTestData.answers(pa, questions, 10));
        QuizPaper pb = attempts.start(b, r.id(), xinhui, false);
        attempts.submit(b, pb.attemptId(), QuizTestData.answers(pb, questions, 15));
        assertThat(leaderboard.board(r, null, null, a.accountId()).me().rank()).isEqualTo(2);
        QuizLeaderboard.Board jianghai = leaderboard.board(r, division, null, a.accountId());
        assertThat(jianghai.entries()).extracting(QuizLeaderboard.Entry::accountId).containsExactly(a.accountId());
        assertThat(jianghai.me().rank()).isEqualTo(1);
        assertThat(jianghai.divisionName()).isEqualTo("江海区");
        assertThat(leaderboard.board(r, xinhui, null, a.accountId()).me()).isNull();
    }

    @Test
    void roundsOutsideTheirTimeAndShortBanksRefuseToStartWithAReason() {
        QuizRound later = rounds.get(rounds.create(new QuizRoundForm("未开始", "2021-10-01T09:00", "2021-10-07T18:00",
                "1", "1", "1", "5", "30", "600", "1", false, "50", null)));
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        assertThatThrownBy(() -> attempts.start(me, later.id(), division, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("2021-10-01 09:00 开始");
        clock.set("2021-10-08T09:00:00+08:00");
        assertThatThrownBy(() -> attempts.start(me, later.id(), division, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已于 2021-10-07 18:00 结束");
        clock.reset();
        QuizRound huge = rounds.get(rounds.create(QuizTestData.round(100, 0, 0, 1, false)));
        assertThatThrownBy(() -> attempts.start(me, huge.id(), division, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("题库中可用的判断题只有");
        assertThat(attempts.start(me, round.id(), division, true).attemptId()).isPositive();
    }

    @Test
    void staffCannotTakeTheQuizAndNobodySeesAnotherPersonsAttempt() {
        Actor me = TestLogins.actor(Role.PUBLIC, null);
        Actor other = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, round.id(), division, false);
        assertThatThrownBy(() -> attempts.view(other, paper.attemptId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> attempts.submit(other, paper.attemptId(), Map.of()))
                .isInstanceOf(NotFoundException.class);
        Actor admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        assertThatThrownBy(() -> attempts.start(admin, round.id(), division, false))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private void take(Actor who, QuizRound r, int right, int seconds) {
        QuizPaper paper = attempts.start(who, r.id(), division, false);
        clock.advance(Duration.ofSeconds(seconds));
        attempts.submit(who, paper.attemptId(), QuizTestData.answers(paper, questions, right));
        clock.advance(Duration.ofSeconds(1));
    }
}
