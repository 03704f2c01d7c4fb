package cn.sciday.reporting;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.sciday.activity.Completions;
import cn.sciday.activity.SummaryState;

/** Reporting's view of completion and summaries, read through the activity module's {@link Completions} facade. */
@Component
class ActivityCompletionFacts implements CompletionFacts {

    private final Completions completions;

    ActivityCompletionFacts(Completions completions) {
        this.completions = completions;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Map<Long, CompletionFacts.ActivityCompletion> activities(Collection<Long> activityIds) {
        Map<Long, cn.sciday.activity.ActivityCompletion> all = completions.completionsOf(activityIds);
        Map<Long, Long> photos = completions.firstPhotoFileIds(activityIds);
        Map<Long, CompletionFacts.ActivityCompletion> out = new HashMap<>();
        all.forEach((id, c) -> out.put(id, new CompletionFacts.ActivityCompletion(c.photos(),
                c.newsLinks(), c.actualParticipants(),
                c.completedAt() == null ? null : c.completedAt().toInstant(), photos.get(id))));
        return out;
    }

    @Override
    public Optional<Instant> summarySubmittedAt(long organizationId, SummaryKind kind) {
        SummaryState state = completions.summaryStatus(organizationId, cn.sciday.activity.SummaryKind.valueOf(kind.name()));
        return Optional.ofNullable(state.submittedAt()).map(t -> t.toInstant());
    }
}
