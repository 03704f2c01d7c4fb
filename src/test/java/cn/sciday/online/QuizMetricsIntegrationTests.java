package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Role;
import io.micrometer.core.instrument.MeterRegistry;

/** Quiz submissions and question imports are counted once, after they commit; a refused import counts as refused. */
@IntegrationTest
class QuizMetricsIntegrationTests {

    @Autowired
    QuizAttempts attempts;
    @Autowired
    QuizRounds rounds;
    @Autowired
    QuestionBank bank;
    @Autowired
    QuestionRepository questions;
    @Autowired
    Organizations organizations;
    @Autowired
    MeterRegistry meters;

    double submissions(String kind) {
        return meters.get(QuizMetrics.SUBMISSIONS).tag("kind", kind).counter().count();
    }

    double imports(String outcome) {
        return meters.get(QuizMetrics.IMPORTS).tag("form", "questions").tag("outcome", outcome).counter().count();
    }

    double importedRows() {
        return meters.get(QuizMetrics.ROWS).tag("form", "questions").counter().count();
    }

    @Test
    void submissionsAreCountedOnceByKind() {
        QuizTestData.ensureQuestions(bank, 8);
        long division = organizations.findByName("江海区").orElseThrow().id();
        QuizRound round = rounds.get(rounds.create(QuizTestData.round(7, 7, 6, 3, true)));
        double attempt = submissions("attempt");
        double practice = submissions("practice");

        Actor me = TestLogins.actor(Role.PUBLIC, null);
        QuizPaper paper = attempts.start(me, round.id(), division, false);
        Map<Long, String> answers = QuizTestData.rightAnswers(paper, questions);
        attempts.submit(me, paper.attemptId(), answers);
        attempts.submit(me, paper.attemptId(), answers); // the second submission returns the first result
        QuizPaper trial = attempts.start(me, round.id(), division, true);
        attempts.submit(me, trial.attemptId(), Map.of());

        assertThat(submissions("attempt") - attempt).isEqualTo(1);
        assertThat(submissions("practice") - practice).isEqualTo(1);
    }

    @Test
    void importsAreCountedByOutcomeWithTheirRows() {
        double imported = imports("imported");
        double refused = imports("refused");
        double rows = importedRows();

        bank.importRows(List.of(new QuestionImport.Row(2, QuizTestData.draft(QuestionType.SINGLE), Map.of()),
                new QuestionImport.Row(3, QuizTestData.draft(QuestionType.TRUE_FALSE), Map.of())));
        assertThatThrownBy(() -> bank.importRows(List.of())).isInstanceOf(InvalidInputException.class);

        assertThat(imports("imported") - imported).isEqualTo(1);
        assertThat(importedRows() - rows).isEqualTo(2);
        assertThat(imports("refused") - refused).isEqualTo(1);
    }
}
