package cn.sciday.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * One activity's information completion as staff see it: what is there, what is missing, the score and lateness.
 * {@code checkedIn} is the sign-up module's check-in count when the activity used sign-up (else null);
 * {@code activityOnlineUrl} is the address given at proposal. {@code editable}: the viewer may change it now.
 */
public record CompletionView(long activityId, String activityName, ActivityStatus status, ActivityFormat format,
        long organizationId, String organizationName, boolean completable, boolean editable, List<Photo> photos,
        List<Link> links, Integer actualParticipants, Integer checkedIn, String onlineUrl, String activityOnlineUrl,
        String summary, Set<CompletionItem> required, Set<CompletionItem> missing, int score, boolean complete,
        boolean late, OffsetDateTime completedAt, LocalDate dueOn, int maxPhotos) {

    /** A photo: read it through {@code /media/{fileId}} and its thumbnail through {@code /media/{fileId}/thumbnail}. */
    public record Photo(long id, long fileId, String name, boolean hasThumbnail) {
    }

    public record Link(long id, CompletionLinkKind kind, String title, String url) {
    }

    /** The required items in their usual order. */
    public List<CompletionItem> requiredItems() {
        return java.util.Arrays.stream(CompletionItem.values()).filter(required::contains).toList();
    }

    public int photosLeft() {
        return Math.max(0, maxPhotos - photos.size());
    }

    /** The participants to show in the form: what was given, else the check-ins when sign-up was used. */
    public Integer participantsForForm() {
        if (actualParticipants != null) {
            return actualParticipants;
        }
        return checkedIn != null && checkedIn > 0 ? checkedIn : null;
    }

    /** The address to show in the form: what was given, else the one from the proposal. */
    public String onlineUrlForForm() {
        return onlineUrl != null ? onlineUrl : activityOnlineUrl;
    }
}
