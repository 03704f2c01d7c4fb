package cn.sciday.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.ContentTheme;
import cn.sciday.campaign.JointAction;
import cn.sciday.web.Actor;

/**
 * The oversight dashboard of the city or a coordinator (scoped): activities by 归口 (divisions and departments),
 * joint action, theme, format and state; expected against actual participants; sign-ups and check-ins; feedback;
 * completion. Counts other than by state include only activities that count ({@link SummaryTable#COUNTED}).
 */
@Service
public class Dashboard {

    private final ReportQueries queries;
    private final ReportContext context;

    Dashboard(ReportQueries queries, ReportContext context) {
        this.queries = queries;
        this.context = context;
    }

    /** A labelled count. */
    public record Count(String label, long count) {
    }

    /** The figures of one division or department. */
    public record BodyFigures(long id, String name, String kind, long activities, long expected, long actual,
            long signups, long checkins, long ratings, Double averageRating) {
    }

    /** Everything the dashboard shows; {@code completionKnown} false when completion data is not wired. */
    public record Data(String scopeName, long activities, List<Count> byStatus, List<BodyFigures> divisions,
            List<BodyFigures> departments, List<Count> byJointAction, List<Count> byTheme, List<Count> byFormat,
            long expected, long actual, long signups, long checkins, long ratings, double averageRating,
            List<Count> ratingDistribution, boolean completionKnown, long endedPublished, long completed,
            Double completionRate) {
    }

    public Data data(Actor actor) {
        ReportScope scope = context.own(actor);
        Campaign campaign = context.campaign();
        Map<ActivityStatus, Long> byStatus = new EnumMap<>(ActivityStatus.class);
        Map<Long, long[]> bodies = new LinkedHashMap<>();
        Map<Long, String[]> bodyNames = new LinkedHashMap<>();
        Map<Integer, Long> jointActions = new LinkedHashMap<>();
        Map<ActivityFormat, Long> formats = new EnumMap<>(ActivityFormat.class);
        long[] sums = new long[5];
        java.util.Set<Long> ended = new java.util.HashSet<>();
        Instant now = context.clock().instant();
        Map<Long, Long> actualByActivity = new LinkedHashMap<>();
        queries.stream(campaign.id(), scope, List.of(), row -> {
            byStatus.merge(row.status(), 1L, Long::sum);
            if (!SummaryTable.COUNTED.contains(row.status())) {
                return;
            }
            sums[0]++;
            sums[1] += row.expected();
            sums[2] += row.signups();
            sums[3] += row.checkins();
            long[] b = bodies.computeIfAbsent(row.bodyId(), k -> new long[5]);
            bodyNames.putIfAbsent(row.bodyId(), new String[] {row.bodyName(), row.bodyKind()});
            b[0]++;
            b[1] += row.expected();
            b[3] += row.signups();
            b[4] += row.checkins();
            jointActions.merge(row.jointAction() == null ? 0 : row.jointAction(), 1L, Long::sum);
            formats.merge(row.format(), 1L, Long::sum);
            actualByActivity.put(row.id(), row.bodyId());
            if (row.status() == ActivityStatus.PUBLISHED && row.endsAt() != null && row.endsAt().isBefore(now)) {
                ended.add(row.id());
            }
        });
        CompletionFacts facts = context.facts();
        long actual = 0;
        long completed = 0;
        List<Long> ids = new ArrayList<>(actualByActivity.keySet());
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + 1000));
            Map<Long, CompletionFacts.ActivityCompletion> c = context.completion(part);
            for (Long id : part) {
                CompletionFacts.ActivityCompletion ac = c.get(id);
                if (ac != null && ac.actualParticipants() != null) {
                    actual += ac.actualParticipants();
                    bodies.get(actualByActivity.get(id))[2] += ac.actualParticipants();
                }
                if (ac != null && ac.completedAt() != null && ended.contains(id)) {
                    completed++;
                }
            }
        }
        ReportQueries.FeedbackFigures feedback = queries.feedback(campaign.id(), scope);
        List<BodyFigures> divisions = new ArrayList<>();
        List<BodyFigures> departments = new ArrayList<>();
        bodies.forEach((id, b) -> {
            String[] nk = bodyNames.get(id);
            long[] f = feedback.perBody().get(id);
            BodyFigures figures = new BodyFigures(id, nk[0], nk[1], b[0], b[1], b[2], b[3], b[4],
                    f == null ? 0 : f[0], f == null || f[0] == 0 ? null : round(f[1] / (double) f[0]));
            ("DIVISION".equals(nk[1]) ? divisions : departments).add(figures);
        });
        List<Count> status = new ArrayList<>();
        for (ActivityStatus s : ActivityStatus.values()) {
            status.add(new Count(s.name(), byStatus.getOrDefault(s, 0L)));
        }
        List<Count> joint = new ArrayList<>();
        for (JointAction j : campaign.jointActions()) {
            joint.add(new Count(j.number() + ". " + j.name(), jointActions.getOrDefault(j.number(), 0L)));
        }
        joint.add(new Count("—", jointActions.getOrDefault(0, 0L)));
        Map<Integer, Long> themeCounts = queries.themeCounts(campaign.id(), scope, SummaryTable.COUNTED);
        List<Count> themes = new ArrayList<>();
        for (ContentTheme t : campaign.themes()) {
            themes.add(new Count(t.number() + ". " + t.title(), themeCounts.getOrDefault(t.number(), 0L)));
        }
        List<Count> format = new ArrayList<>();
        for (ActivityFormat f : ActivityFormat.values()) {
            format.add(new Count(f.name(), formats.getOrDefault(f, 0L)));
        }
        List<Count> ratings = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            ratings.add(new Count(String.valueOf(r), feedback.byRating()[r]));
        }
        boolean known = facts.available();
        Double rate = !known || ended.isEmpty() ? null : round(100.0 * completed / ended.size());
        return new Data(scope.name(), sums[0], status, divisions, departments, joint, themes, format, sums[1], actual,
                sums[2], sums[3], feedback.count(), round(feedback.average()), ratings, known, ended.size(), completed,
                rate);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
