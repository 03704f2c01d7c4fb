package cn.sciday.activity;

import java.time.LocalDate;
import java.util.List;

/**
 * The completion overview for one viewer: the deadline and whether it has passed, the divisions and departments
 * (the city: all; a coordinator: its own, counting its units and itself), the units in scope, and for a unit or a
 * coordinator its own totals and activities ({@code own} is null for the city).
 */
public record CompletionOverview(LocalDate dueOn, boolean duePassed, List<CompletionTotals> bodies,
        List<CompletionTotals> units, CompletionTotals own, List<ActivityCompletion> ownActivities) {
}
