package cn.sciday.activity;

/**
 * Completion of an organization's published activities (a unit's own; for a division or department, its units' and
 * its own): how many, how many complete, how many late, the required items present of all required, and the score as
 * a whole percentage of those items (null when there is no published activity).
 */
public record CompletionTotals(long organizationId, String organizationName, Long parentId, String parentName,
        int activities, int complete, int late, int itemsPresent, int itemsRequired, Integer score) {

    static CompletionTotals of(long id, String name, Long parentId, String parentName, Iterable<CompletionFacts> facts,
            java.util.function.Predicate<CompletionFacts> late) {
        int n = 0;
        int done = 0;
        int lateCount = 0;
        int present = 0;
        int required = 0;
        for (CompletionFacts f : facts) {
            n++;
            done += f.complete() ? 1 : 0;
            lateCount += late.test(f) ? 1 : 0;
            present += f.present().size();
            required += f.required().size();
        }
        return new CompletionTotals(id, name, parentId, parentName, n, done, lateCount, present, required,
                n == 0 ? null : CompletionFacts.percent(present, required));
    }
}
