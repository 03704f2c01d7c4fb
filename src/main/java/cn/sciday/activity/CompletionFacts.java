package cn.sciday.activity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What is stored about one activity's completion, counted: the basis of its score. {@code completedAt} is when all
 * required items were last found present (null while some are missing).
 */
record CompletionFacts(long activityId, long campaignId, long organizationId, String name, ActivityFormat format,
        ActivityStatus status, int photos, int newsLinks, int videoLinks, Integer actualParticipants,
        boolean hasOnlineUrl, boolean hasSummary, Instant completedAt, Instant updatedAt) {

    /** The items this activity must have. */
    Set<CompletionItem> required() {
        Set<CompletionItem> items = EnumSet.noneOf(CompletionItem.class);
        for (CompletionItem i : CompletionItem.values()) {
            if (i.requiredFor(format)) {
                items.add(i);
            }
        }
        return items;
    }

    /** The required items that are present. */
    Set<CompletionItem> present() {
        Set<CompletionItem> items = EnumSet.noneOf(CompletionItem.class);
        for (CompletionItem i : required()) {
            boolean has = switch (i) {
                case PHOTOS -> photos > 0;
                case MEDIA_LINK -> newsLinks + videoLinks > 0;
                case PARTICIPANTS -> actualParticipants != null;
                case ONLINE_URL -> hasOnlineUrl;
                case SUMMARY -> hasSummary;
            };
            if (has) {
                items.add(i);
            }
        }
        return items;
    }

    /** Required items present, as a whole percentage (rounded half up). */
    int score() {
        return percent(present().size(), required().size());
    }

    boolean complete() {
        return present().size() == required().size();
    }

    static int percent(int present, int required) {
        return required == 0 ? 100 : (int) Math.round(100.0 * present / required);
    }
}
