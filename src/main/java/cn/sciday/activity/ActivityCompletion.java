package cn.sciday.activity;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One activity's information completion as the reporting module reads it: how many photos, news report links and
 * video links, the actual participants (null when not given), the completeness {@code score} (0–100, required items
 * present), whether all are there, and whether it is {@code late}: completed after the COMPLETION deadline (10-22),
 * or still incomplete once that deadline has passed. {@code completable} is true for published activities.
 */
public record ActivityCompletion(long activityId, long organizationId, String name, ActivityStatus status,
        boolean completable, int photos, int newsLinks, int videoLinks, Integer actualParticipants, int score,
        boolean complete, boolean late, OffsetDateTime completedAt, Set<CompletionItem> required,
        Set<CompletionItem> missing) {

    /** The missing items in their usual order. */
    public java.util.List<CompletionItem> missingItems() {
        return java.util.Arrays.stream(CompletionItem.values()).filter(missing::contains).toList();
    }
}
