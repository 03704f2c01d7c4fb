package cn.sciday.activity;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * An activity as staff see it, with names resolved and the actions the viewer may take now. Times of the activity
 * are Beijing local times; timestamps carry their offset. {@code brandLabel} is the campaign's label
 * (2021年全国科普日活动) once the activity is public, null before. {@code coordinatorName} is its 归口 (the city for
 * a division's or department's own activity); {@code reviewerName} is who reviews it now (null when not in review).
 * {@code epidemicPlanFileId} and {@code intentionScanFileId} are media files (read through {@code /media/{id}}).
 */
public record ActivityView(long id, String name, ActivityStatus status, ReviewLevel reviewLevel, Integer jointAction,
        String jointActionName, List<Integer> themes, List<String> themeTitles, long organizationId,
        String organizationName, String coordinatorName, String reviewerName, String coOrganizers, ActivityFormat format,
        LocalDateTime startsAt, LocalDateTime endsAt, Long divisionId, String divisionName, String venue,
        String onlineUrl, List<Audience> audiences, int expectedParticipants, boolean signupOpen, Integer capacity,
        boolean keyActivity, String summary, String description, String contactName, String contactPhone,
        boolean late, OffsetDateTime submittedAt, OffsetDateTime publishedAt, String returnReason,
        String cancelReason, String brandLabel, long campaignId, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, Set<ActivityAction> actions, Long epidemicPlanFileId, Long intentionScanFileId) {

    /** Whether the activity needs an epidemic-prevention plan file before it is submitted (offline part). */
    public boolean needsEpidemicPlan() {
        return format.hasOfflinePart();
    }

    public boolean can(ActivityAction action) {
        return actions.contains(action);
    }

    /** For templates: whether the viewer may take the action named (EDIT, SUBMIT, ...). */
    public boolean may(String action) {
        return actions.contains(ActivityAction.valueOf(action));
    }

    /** The form filled with this activity, to edit it. */
    public ActivityForm toForm() {
        return new ActivityForm(name, jointAction, themes, coOrganizers, format, startsAt, endsAt, divisionId, venue,
                onlineUrl, Set.copyOf(audiences), expectedParticipants, signupOpen, capacity, keyActivity, summary,
                description, contactName, contactPhone);
    }

    /** The change form filled with this activity, to change it after publication. */
    public ActivityChangeForm toChangeForm() {
        return new ActivityChangeForm(format, startsAt, endsAt, divisionId, venue, onlineUrl, capacity);
    }
}
