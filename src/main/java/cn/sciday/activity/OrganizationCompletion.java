package cn.sciday.activity;

import java.time.LocalDate;
import java.util.List;

/** One organization's own published activities with their completion, and its totals. */
public record OrganizationCompletion(CompletionTotals totals, List<ActivityCompletion> activities, LocalDate dueOn) {
}
