package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Role;

/**
 * Attempts read the round and the question bank from caches ({@link QuizLookups}); an edit takes effect at the next
 * attempt all the same, because the edit's commit clears them: a round's rules, questions disabled, added and edited.
 */
@IntegrationTest
class QuizCachesIntegrationTests {

    @Autowired
    QuizAttempts attempts;
    @Autowired
    QuizRounds rounds;
    @Autowired
    QuestionBank bank;
    @Autowired
    QuizLookups lookups;
    @Autowired
    Organizations organizations;
    @Autowired
    QuizLeaderboard leaderboard;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    long division;

    @BeforeEach
    void setUp() {
        QuizTestData.ensureQuestions(bank, 8);
        division = organizations.findByName("江海区").orElseThrow().id();
    }

    @Test
    void anEditedRoundTakesEffectAtTheNextStart() {
        QuizRoundForm form = QuizTestData.round(7, 7, 6, 1, true);
        long id = rounds.create(form);
        QuizPaper first = attempts.start(TestLogins.actor(Role.PUBLIC, null), id, division, false);
        assertThat(first.questions()).hasSize(20);
        assertThat(first.limitSeconds()).isEqualTo(600);
        assertThat(lookups.round(id).title()).isEqualTo(form.title());

        rounds.update(id, new QuizRoundForm("改过的答题", form.opensAt(), form.closesAt(), "3", "2", "1", "10", "20",
                "600", "1", false, "50", null));
        Actor next = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper second = attempts.start(next, id, division, false);
        assertThat(second.questions()).extracting(QuizPaper.Question::type).containsExactly(QuestionType.TRUE_FALSE,
                QuestionType.TRUE_FALSE, QuestionType.TRUE_FALSE, QuestionType.SINGLE, QuestionType.SINGLE,
                QuestionType.MULTIPLE);
        assertThat(second.roundTitle()).isEqualTo("改过的答题");
        assertThat(second.pointsPerQuestion()).isEqualTo(10);
        assertThat(second.limitSeconds()).isEqualTo(120);
        assertThat(lookups.round(id).title()).as("the leaderboard's round too").isEqualTo("改过的答题");
        assertThatThrownBy(() -> attempts.start(TestLogins.actor(Role.PUBLIC, null), id, division, true))
                .isInstanceOf(ConflictException.class).hasMessageContaining("没有开放练习模式");

        // closed early: the clock stands at 2021-09-15 09:00
        rounds.update(id, new QuizRoundForm("改过的答题", form.opensAt(), "2021-09-15T08:00", "3", "2", "1", "10", "20",
                "600", "1", false, "50", null));
        assertThatThrownBy(() -> attempts.start(TestLogins.actor(Role.PUBLIC, null), id, division, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已于 2021-09-15 08:00 结束");
    }

    @Test
    void theNextAttemptDrawsFromTheBankAsEdited() {
        int singles = bank.enabledCounts().get(QuestionType.SINGLE);
        // a round that draws every enabled single-choice question, so that what it draws shows the whole pool
        long id = rounds.create(QuizTestData.round(0, singles, 0, 5, false));
        QuizPaper before = attempts.start(TestLogins.actor(Role.PUBLIC, null), id, division, false);
        List<Long> drawn = before.questions().stream().map(QuizPaper.Question::id).toList();
        assertThat(drawn).hasSize(singles).containsExactlyInAnyOrderElementsOf(lookups.enabledIds(QuestionType.SINGLE));

        long disabled = drawn.get(0);
        QuizQuestion edited = bank.get(drawn.get(1));
        String oldAnswer = edited.correctAnswer();
        String newAnswer = "A".equals(oldAnswer) ? "B" : "A";
        try {
            bank.setEnabled(disabled, false);
            long added = bank.create(QuizTestData.draft(QuestionType.SINGLE), "TEST");
            bank.update(edited.id(), edited.version(), new QuestionDraft("单选题", edited.stem() + "（改）",
                    edited.options(), newAnswer, edited.explanation(), String.valueOf(edited.themeNumber())));

            Actor next = TestLogins.actor(Role.PUBLIC, null);
            QuizPaper after = attempts.start(next, id, division, false);
            assertThat(after.questions()).extracting(QuizPaper.Question::id).doesNotContain(disabled).contains(added)
                    .contains(edited.id());
            assertThat(after.questions()).filteredOn(q -> q.id() == edited.id()).singleElement()
                    .extracting(QuizPaper.Question::stem).isEqualTo(edited.stem() + "（改）");
            // the new correct answer was frozen into the new attempt and scores it
            QuizResult result = attempts.submit(next, after.attemptId(), Map.of(edited.id(), newAnswer));
            assertThat(result.questions()).filteredOn(q -> q.id() == edited.id()).singleElement()
                    .satisfies(q -> {
                        assertThat(q.correctAnswer()).isEqualTo(newAnswer);
                        assertThat(q.answeredRight()).isTrue();
                    });
        } finally {
            QuizQuestion now = bank.get(edited.id());
            bank.update(now.id(), now.version(), new QuestionDraft("单选题", edited.stem(), edited.options(), oldAnswer,
                    edited.explanation(), String.valueOf(edited.themeNumber())));
            bank.setEnabled(disabled, true);
        }
    }

    @Test
    void anAnonymousBoardIsKeptUntilSomeonesBestImproves() {
        long id = rounds.create(QuizTestData.round(0, 1, 0, 5, false));
        QuizRound round = lookups.round(id);
        Actor first = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(first, id, division, false);
        attempts.submit(first, paper.attemptId(), Map.of());
        assertThat(leaderboard.board(round, null, null, null).entries()).hasSize(1);

        // a row written behind the module's back (no event): the anonymous board is the kept one ...
        jdbc.update("update quiz_participant set best_score = 999 where round_id = ? and account_id = ?", id,
                first.accountId());
        assertThat(leaderboard.board(round, null, null, null).entries().get(0).score()).isZero();
        // ... while a participant's own read always comes from the boards
        assertThat(leaderboard.board(round, null, null, first.accountId()).entries().get(0).score()).isEqualTo(999);
        jdbc.update("update quiz_participant set best_score = 0 where round_id = ? and account_id = ?", id,
                first.accountId());

        // a submission that puts someone on the board clears the kept board with its commit
        Actor second = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper other = attempts.start(second, id, division, false);
        long right = other.questions().get(0).id();
        attempts.submit(second, other.attemptId(), Map.of(right, bank.get(right).correctAnswer()));
        QuizLeaderboard.Board board = leaderboard.board(round, null, null, null);
        assertThat(board.entries()).hasSize(2);
        assertThat(board.entries().get(0).accountId()).isEqualTo(second.accountId());
        assertThat(leaderboard.board(round, division, null, null).entries()).as("the division's board too")
                .hasSize(2);
    }
}
