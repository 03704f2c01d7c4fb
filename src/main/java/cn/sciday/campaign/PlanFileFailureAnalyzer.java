package cn.sciday.campaign;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a broken plan file at start-up into Spring Boot's short "APPLICATION FAILED TO START" report (file, field,
 * problem, and what to do) instead of a stack trace to dig through.
 */
class PlanFileFailureAnalyzer extends AbstractFailureAnalyzer<PlanFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlanFileException cause) {
        String description = "The campaign plan file could not be loaded.\n\n    file:    " + cause.file()
                + (cause.field().isEmpty() ? "" : "\n    field:   " + cause.field())
                + "\n    problem: " + cause.problem();
        String action = "Correct the plan file (see src/main/resources/plans/jiangmen-2021.yml for a complete one), "
                + "or point sciday.plan.files (SCIDAY_PLAN_FILES) at another file.";
        return new FailureAnalysis(description, action, cause);
    }
}
