package cn.sciday.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.Milestone;
import cn.sciday.campaign.MilestoneKind;
import cn.sciday.web.Actor;

/**
 * Deadline compliance per milestone of section 六, unit by unit: intentions (a submitted activity), national
 * filing (every published activity has its national-platform reference), completion of published activities, and
 * the stage and full summaries. A unit has met a milestone at some instant, late or not, or has not met it yet
 * (overdue once the due day has passed, Beijing time). Completion and summaries need {@link CompletionFacts}: without
 * it they are reported as unknown.
 */
@Service
public class Compliance {

    /** One unit against one milestone. {@code daysLate}: after the due day when met late, or overdue so far. */
    public record UnitStatus(long unitId, String unitName, String bodyName, Instant metAt, boolean met,
            boolean late, long daysLate) {

        /** When it was met, Beijing time (2021-09-26 10:30), or empty. */
        public String metAtText() {
            return metAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(Campaign.ZONE).format(metAt);
        }

        /** Not met and the due day has passed. */
        public boolean overdue() {
            return !met && late;
        }
    }

    /** A milestone and how the units in scope stand. {@code known} false: no data to judge (not wired). */
    public record MilestoneStatus(MilestoneKind kind, String title, LocalDate dueOn, boolean passed, boolean known,
            int units, int metOnTime, List<UnitStatus> metLate, List<UnitStatus> missing) {

        public long overdueCount() {
            return missing.stream().filter(UnitStatus::overdue).count();
        }
    }

    private final ReportQueries queries;
    private final ReportContext context;

    Compliance(ReportQueries queries, ReportContext context) {
        this.queries = queries;
        this.context = context;
    }

    /** Every milestone for the actor's scope (a coordinator's units, or all units for the city). */
    public List<MilestoneStatus> all(Actor actor) {
        ReportScope scope = context.own(actor);
        Inputs in = inputs(scope);
        List<MilestoneStatus> all = new ArrayList<>();
        for (Milestone m : in.campaign.milestones()) {
            all.add(status(m, in));
        }
        return all;
    }

    /** One milestone for the actor's scope. */
    public MilestoneStatus of(Actor actor, MilestoneKind kind) {
        ReportScope scope = context.own(actor);
        Inputs in = inputs(scope);
        return status(in.campaign.milestone(kind), in);
    }

    /** One milestone across the whole city (the reminder job). */
    MilestoneStatus cityWide(MilestoneKind kind) {
        Inputs in = inputs(ReportScope.city(""));
        return status(in.campaign.milestone(kind), in);
    }

    private record Inputs(Campaign campaign, LocalDate today, List<ReportQueries.UnitRow> units,
            Map<Long, Instant> firstSubmission, Map<Long, List<Long>> published, Map<Long, Instant> refs,
            CompletionFacts facts) {
    }

    private Inputs inputs(ReportScope scope) {
        Campaign c = context.campaign();
        return new Inputs(c, context.today(), queries.units(scope), queries.firstSubmissions(c.id()),
                queries.publishedByOrganization(c.id()), queries.nationalRefsRecorded(c.id()), context.facts());
    }

    private MilestoneStatus status(Milestone m, Inputs in) {
        boolean known = switch (m.kind()) {
            case INTENTION, NATIONAL_FILING -> true;
            case COMPLETION, STAGE_SUMMARY, FULL_SUMMARY -> in.facts.available();
        };
        boolean passed = in.today.isAfter(m.dueOn());
        int units = 0;
        int onTime = 0;
        List<UnitStatus> late = new ArrayList<>();
        List<UnitStatus> missing = new ArrayList<>();
        Map<Long, CompletionFacts.ActivityCompletion> completion = m.kind() == MilestoneKind.COMPLETION && known
                ? completionOf(in) : Map.of();
        for (ReportQueries.UnitRow u : in.units) {
            List<Long> published = in.published.getOrDefault(u.id(), List.of());
            boolean applies = switch (m.kind()) {
                case INTENTION -> true;
                case NATIONAL_FILING, COMPLETION, STAGE_SUMMARY, FULL_SUMMARY -> !published.isEmpty();
            };
            if (!applies || !known) {
                continue;
            }
            units++;
            Instant metAt = switch (m.kind()) {
                case INTENTION -> in.firstSubmission.get(u.id());
                case NATIONAL_FILING -> latest(published, in.refs);
                case COMPLETION -> latestCompletion(published, completion);
                case STAGE_SUMMARY -> in.facts.summarySubmittedAt(u.id(), CompletionFacts.SummaryKind.STAGE)
                        .orElse(null);
                case FULL_SUMMARY -> in.facts.summarySubmittedAt(u.id(), CompletionFacts.SummaryKind.FULL)
                        .orElse(null);
            };
            if (metAt != null && !m.isLate(metAt, Campaign.ZONE)) {
                onTime++;
            } else if (metAt != null) {
                long days = ChronoUnit.DAYS.between(m.dueOn(), metAt.atZone(Campaign.ZONE).toLocalDate());
                late.add(new UnitStatus(u.id(), u.name(), u.parentName(), metAt, true, true, days));
            } else {
                long days = passed ? ChronoUnit.DAYS.between(m.dueOn(), in.today) : 0;
                missing.add(new UnitStatus(u.id(), u.name(), u.parentName(), null, false, passed, days));
            }
        }
        return new MilestoneStatus(m.kind(), m.title(), m.dueOn(), passed, known, units, onTime, late, missing);
    }

    private Map<Long, CompletionFacts.ActivityCompletion> completionOf(Inputs in) {
        List<Long> ids = new ArrayList<>();
        in.published.values().forEach(ids::addAll);
        Map<Long, CompletionFacts.ActivityCompletion> all = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            all.putAll(context.completion(ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
        return all;
    }

    /** The latest of the instants when all are present, else null (not met). */
    private static Instant latest(List<Long> ids, Map<Long, Instant> at) {
        Instant latest = null;
        for (Long id : ids) {
            Instant t = at.get(id);
            if (t == null) {
                return null;
            }
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        return latest;
    }

    private static Instant latestCompletion(List<Long> ids, Map<Long, CompletionFacts.ActivityCompletion> c) {
        Map<Long, Instant> at = new HashMap<>();
        for (Long id : ids) {
            CompletionFacts.ActivityCompletion ac = c.get(id);
            if (ac != null && ac.completedAt() != null) {
                at.put(id, ac.completedAt());
            }
        }
        return latest(ids, at);
    }
}
