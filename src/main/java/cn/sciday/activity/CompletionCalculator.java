package cn.sciday.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.campaign.MilestoneKind;

/**
 * Turns completion facts into scores and lateness. Late: completed after the COMPLETION deadline (end of 10-22,
 * Beijing), or not complete once it has passed. Only published activities are asked for completion.
 */
@Component
class CompletionCalculator {

    private final CampaignManagement campaigns;
    private final Clock clock;

    CompletionCalculator(CampaignManagement campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Reads campaigns once per call and compares with one "now". */
    Scope scope() {
        return new Scope(clock.instant());
    }

    final class Scope {

        private final Instant now;
        private final Map<Long, Campaign> byId = new HashMap<>();

        Scope(Instant now) {
            this.now = now;
        }

        Instant now() {
            return now;
        }

        Campaign campaign(long id) {
            return byId.computeIfAbsent(id, campaigns::get);
        }

        boolean late(CompletionFacts f) {
            if (f.status() != ActivityStatus.PUBLISHED) {
                return false;
            }
            Campaign c = campaign(f.campaignId());
            return c.isLate(MilestoneKind.COMPLETION, f.completedAt() != null ? f.completedAt() : now);
        }

        ActivityCompletion completion(CompletionFacts f) {
            Set<CompletionItem> missing = EnumSet.noneOf(CompletionItem.class);
            missing.addAll(f.required());
            missing.removeAll(f.present());
            return new ActivityCompletion(f.activityId(), f.organizationId(), f.name(), f.status(),
                    f.status() == ActivityStatus.PUBLISHED, f.photos(), f.newsLinks(), f.videoLinks(),
                    f.actualParticipants(), f.score(), f.complete(), late(f),
                    ActivityViews.beijing(f.completedAt()), Set.copyOf(f.required()), Set.copyOf(missing));
        }

        CompletionTotals totals(long id, String name, Long parentId, String parentName, List<CompletionFacts> facts) {
            return CompletionTotals.of(id, name, parentId, parentName, facts, this::late);
        }
    }
}
