package cn.sciday.online;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Quiz counters for {@code /actuator/prometheus}: {@code sciday_quiz_submissions_total{kind="attempt"|"practice"}}
 * (committed submissions, including attempts closed because time ran out) and question-bank imports,
 * {@code sciday_imports_total{form="questions",outcome="imported"|"refused"}} and
 * {@code sciday_imports_rows_total{form="questions"}} (the reporting module counts intention forms the same way).
 */
@Component
class QuizMetrics {

    static final String SUBMISSIONS = "sciday.quiz.submissions";
    static final String IMPORTS = "sciday.imports";
    static final String ROWS = "sciday.imports.rows";
    static final String FORM = "questions";

    private final Counter attempts;
    private final Counter practice;
    private final Counter imported;
    private final Counter refused;
    private final Counter rows;

    QuizMetrics(MeterRegistry registry) {
        attempts = submissions(registry, "attempt");
        practice = submissions(registry, "practice");
        imported = imports(registry, "imported");
        refused = imports(registry, "refused");
        rows = Counter.builder(ROWS).description("Rows imported from spreadsheets").tag("form", FORM)
                .register(registry);
    }

    private static Counter submissions(MeterRegistry registry, String kind) {
        return Counter.builder(SUBMISSIONS).description("Quiz answers submitted").tag("kind", kind)
                .register(registry);
    }

    private static Counter imports(MeterRegistry registry, String outcome) {
        return Counter.builder(IMPORTS).description("Spreadsheet imports by outcome (all or nothing)")
                .tag("form", FORM).tag("outcome", outcome).register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuizChanged event) {
        switch (event.change()) {
            case "ATTEMPT_SUBMITTED" -> attempts.increment();
            case "PRACTICE_SUBMITTED" -> practice.increment();
            default -> {
                // edits of questions and rounds, imports (counted by imported) are not counted here
            }
        }
    }

    /** An import of {@code n} questions, counted when its transaction commits (at once outside one). */
    void imported(int n) {
        Runnable count = () -> {
            imported.increment();
            rows.increment(n);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    /** An import refused as a whole (nothing stored). */
    void importRefused() {
        refused.increment();
    }
}
