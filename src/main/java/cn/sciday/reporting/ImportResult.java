package cn.sciday.reporting;

import java.util.List;

/**
 * The outcome of importing an intention form: either every row became a draft ({@code activityIds}, problems
 * empty) or nothing was imported and {@code problems} lists every row and column to correct.
 */
public record ImportResult(int imported, List<Long> activityIds, List<ImportProblem> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }

    static ImportResult refused(List<ImportProblem> problems) {
        return new ImportResult(0, List.of(), List.copyOf(problems));
    }
}
