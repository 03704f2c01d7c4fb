package cn.sciday.activity;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.sciday.campaign.Campaign;
import cn.sciday.web.Actor;

/**
 * The activity aggregate. Every change of state is a guarded method that throws {@link ActivityConflict} (409) when
 * the state does not allow it, and records the transition and the event to publish. Who may call which method is
 * decided by {@link ActivityPolicy}; this class only knows states.
 */
final class Activity {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Campaign.ZONE);

    /** A transition to be stored: action, states before and after, who, when and the comment or reason. */
    record Transition(String action, ActivityStatus from, ActivityStatus to, long actorId, String actorName,
            String actorRole, Instant at, String remark) {
    }

    /** One field changed after publication, with its values before and after as people read them. */
    record Change(String field, String before, String after, long actorId, String actorName, Instant at) {
    }

    private final Long id;
    private final long campaignId;
    private final long organizationId;
    private final ReviewLevel reviewLevel;
    private ActivityDetails details;
    private ActivityStatus status;
    private boolean late;
    private Instant firstSubmittedAt;
    private Instant submittedAt;
    private Instant publishedAt;
    private String returnReason;
    private String cancelReason;
    private Long epidemicPlanFileId;
    private Long intentionScanFileId;
    private final long createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final int version;

    private final List<Transition> newTransitions = new ArrayList<>();
    private final List<Change> newChanges = new ArrayList<>();
    private final List<ActivityEvent> newEvents = new ArrayList<>();

    Activity(Long id, long campaignId, long organizationId, ReviewLevel reviewLevel, ActivityDetails details,
            ActivityStatus status, boolean late, Instant firstSubmittedAt, Instant submittedAt, Instant publishedAt,
            String returnReason, String cancelReason, Long epidemicPlanFileId, Long intentionScanFileId,
            long createdBy, Instant createdAt, Instant updatedAt, int version) {
        this.id = id;
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.reviewLevel = reviewLevel;
        this.details = details;
        this.status = status;
        this.late = late;
        this.firstSubmittedAt = firstSubmittedAt;
        this.submittedAt = submittedAt;
        this.publishedAt = publishedAt;
        this.returnReason = returnReason;
        this.cancelReason = cancelReason;
        this.epidemicPlanFileId = epidemicPlanFileId;
        this.intentionScanFileId = intentionScanFileId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new draft; its id is given by {@link #withId(long)} once stored. */
    static Activity draft(long campaignId, long organizationId, ReviewLevel level, ActivityDetails details, Actor by,
            Instant at) {
        Activity a = new Activity(null, campaignId, organizationId, level, details, ActivityStatus.DRAFT, false, null,
                null, null, null, null, null, null, by.accountId(), at, at, 0);
        a.newTransitions.add(new Transition("CREATE", null, ActivityStatus.DRAFT, by.accountId(), by.displayName(),
                by.role().name(), at, null));
        return a;
    }

    /** The stored draft with its id: the pending transition and the drafted event now know the id. */
    Activity withId(long newId) {
        Activity a = new Activity(newId, campaignId, organizationId, reviewLevel, details, status, late,
                firstSubmittedAt, submittedAt, publishedAt, returnReason, cancelReason, epidemicPlanFileId,
                intentionScanFileId, createdBy, createdAt, updatedAt, version);
        a.newTransitions.addAll(newTransitions);
        Transition created = newTransitions.get(0);
        a.newEvents.add(new ActivityDrafted(newId, details.name(), organizationId, created.actorId(),
                created.actorName(), created.at()));
        return a;
    }

    // ---- what the state allows -------------------------------------------------------------------------------

    /** Whether the current state allows the action (not who may do it: that is {@link ActivityPolicy}). */
    boolean allows(ActivityAction action) {
        return switch (action) {
            case EDIT -> status == ActivityStatus.DRAFT || status == ActivityStatus.RETURNED
                    || status == ActivityStatus.PUBLISHED;
            case SUBMIT -> status == ActivityStatus.DRAFT || status == ActivityStatus.RETURNED;
            case ENDORSE -> status == ActivityStatus.SUBMITTED && reviewLevel == ReviewLevel.COORDINATOR;
            case RETURN -> status == ActivityStatus.SUBMITTED || status == ActivityStatus.ENDORSED;
            case APPROVE -> status == ActivityStatus.ENDORSED
                    || (status == ActivityStatus.SUBMITTED && reviewLevel == ReviewLevel.CITY);
            case WITHDRAW -> status == ActivityStatus.DRAFT || status == ActivityStatus.RETURNED
                    || status == ActivityStatus.SUBMITTED;
            case CANCEL -> status == ActivityStatus.PUBLISHED;
        };
    }

    /** Whether this is the first submission (not a resubmission after a return). */
    boolean neverSubmitted() {
        return firstSubmittedAt == null;
    }

    // ---- transitions -----------------------------------------------------------------------------------------

    /** Throws unless the whole activity may be edited now (draft or returned). */
    void requireEditable() {
        if (status == ActivityStatus.PUBLISHED) {
            throw new ActivityConflict("activity.conflict.edit.published");
        }
        if (status.inReview()) {
            throw new ActivityConflict("activity.conflict.edit.inReview");
        }
        require(ActivityAction.EDIT);
    }

    void edit(ActivityDetails next, Actor by, Instant at) {
        requireEditable();
        details = next;
        updatedAt = at;
        newEvents.add(new ActivityEdited(id, next.name(), organizationId, by.accountId(), by.displayName(), at));
    }

    /**
     * Changes a published activity's time, place, format, online address or capacity. Records each changed field
     * with its values before and after and registers {@link ActivityChanged}; does nothing when nothing changed.
     */
    List<Change> change(ActivityDetails next, Actor by, Instant at, LongFunction<String> divisionName) {
        if (status != ActivityStatus.PUBLISHED) {
            throw new ActivityConflict("activity.conflict.change.notPublished");
        }
        ActivityDetails merged = details.withChangeable(next);
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        compare(before, after, "startsAt", shown(details.startsAt()), shown(merged.startsAt()));
        compare(before, after, "endsAt", shown(details.endsAt()), shown(merged.endsAt()));
        compare(before, after, "format", details.format().name(), merged.format().name());
        compare(before, after, "division", name(details.divisionId(), divisionName),
                name(merged.divisionId(), divisionName));
        compare(before, after, "venue", text(details.venue()), text(merged.venue()));
        compare(before, after, "onlineUrl", text(details.onlineUrl()), text(merged.onlineUrl()));
        compare(before, after, "capacity", details.capacity() == null ? "" : details.capacity().toString(),
                merged.capacity() == null ? "" : merged.capacity().toString());
        if (before.isEmpty()) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        for (String field : before.keySet()) {
            changes.add(new Change(field, before.get(field), after.get(field), by.accountId(), by.displayName(), at));
        }
        details = merged;
        updatedAt = at;
        newChanges.addAll(changes);
        newEvents.add(new ActivityChanged(id, details.name(), organizationId, by.accountId(), by.displayName(), at,
                List.copyOf(before.keySet()), before, after));
        return changes;
    }

    /**
     * Submits (or resubmits after a return). Lateness is decided by the first submission: a returned activity
     * resubmitted after the deadline keeps the mark of its first submission.
     */
    void submit(Actor by, Instant at, boolean lateNow, long reviewerOrganizationId) {
        require(ActivityAction.SUBMIT);
        requireEpidemicPlan();
        boolean resubmission = status == ActivityStatus.RETURNED;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = at;
            late = lateNow;
        }
        submittedAt = at;
        returnReason = null;
        move(ActivityStatus.SUBMITTED, resubmission ? "RESUBMIT" : "SUBMIT", by, at, null);
        newEvents.add(new ActivitySubmitted(id, details.name(), organizationId, by.accountId(), by.displayName(), at,
                reviewLevel, reviewerOrganizationId, late, resubmission));
    }

    void endorse(Actor by, Instant at, String comment, long cityId) {
        if (status == ActivityStatus.SUBMITTED && reviewLevel == ReviewLevel.CITY) {
            throw new ActivityConflict("activity.conflict.endorse.cityLevel");
        }
        require(ActivityAction.ENDORSE);
        move(ActivityStatus.ENDORSED, "ENDORSE", by, at, comment);
        newEvents.add(new ActivityEndorsed(id, details.name(), organizationId, by.accountId(), by.displayName(), at,
                cityId, comment));
    }

    /** Returns the activity to its organizer; a 归口 may return only what waits for it, the city anything in review. */
    void returnFor(String reason, boolean byCity, Actor by, Instant at) {
        requireText(reason);
        if (!byCity && status == ActivityStatus.ENDORSED) {
            throw new ActivityConflict("activity.conflict.return.atCity");
        }
        require(ActivityAction.RETURN);
        ActivityStatus from = status;
        returnReason = reason;
        move(ActivityStatus.RETURNED, "RETURN", by, at, reason);
        newEvents.add(new ActivityReturned(id, details.name(), organizationId, by.accountId(), by.displayName(), at,
                from, reason));
    }

    void approve(Actor by, Instant at, String comment) {
        if (status == ActivityStatus.SUBMITTED && reviewLevel == ReviewLevel.COORDINATOR) {
            throw new ActivityConflict("activity.conflict.approve.notEndorsed");
        }
        require(ActivityAction.APPROVE);
        if (details.format().hasOnlinePart() && (details.onlineUrl() == null || details.onlineUrl().isBlank())) {
            throw new ActivityConflict("activity.conflict.approve.urlMissing");
        }
        publishedAt = at;
        move(ActivityStatus.PUBLISHED, "APPROVE", by, at, comment);
        newEvents.add(new ActivityPublished(id, details.name(), organizationId, by.accountId(), by.displayName(), at,
                comment));
    }

    void withdraw(String reason, Actor by, Instant at) {
        require(ActivityAction.WITHDRAW);
        ActivityStatus from = status;
        move(ActivityStatus.WITHDRAWN, "WITHDRAW", by, at, reason);
        newEvents.add(new ActivityWithdrawn(id, details.name(), organizationId, by.accountId(), by.displayName(), at,
                from, reason));
    }

    void cancel(String reason, Actor by, Instant at) {
        requireText(reason);
        require(ActivityAction.CANCEL);
        cancelReason = reason;
        move(ActivityStatus.CANCELLED, "CANCEL", by, at, reason);
        newEvents.add(new ActivityCancelled(id, details.name(), organizationId, by.accountId(), by.displayName(), at,
                reason));
    }

    /** An offline or online+offline activity needs its epidemic-prevention plan (五(五)) before it is submitted. */
    void requireEpidemicPlan() {
        if (details.format().hasOfflinePart() && epidemicPlanFileId == null) {
            throw new ActivityConflict("completion.conflict.submit.planMissing");
        }
    }

    /**
     * Attaches (or replaces) the epidemic-prevention plan file; allowed while the organizer may edit the activity
     * (draft, returned or published). Returns the file it replaces, if any.
     */
    Long attachEpidemicPlan(long fileId, Instant at) {
        requirePlanAttachable();
        Long replaced = epidemicPlanFileId;
        epidemicPlanFileId = fileId;
        updatedAt = at;
        return replaced;
    }

    /** Throws unless the plan file may be attached or replaced now (draft, returned, published). */
    void requirePlanAttachable() {
        if (!allows(ActivityAction.EDIT)) {
            throw new ActivityConflict("completion.conflict.plan.state",
                    new DefaultMessageSourceResolvable("activity.status." + status.name()));
        }
    }

    /** Records the stamped scan (盖章扫描件) of the intention batch this activity was submitted with. */
    void attachIntentionScan(long fileId) {
        intentionScanFileId = fileId;
    }

    /** Throws a conflict naming the state and the action unless the state allows it. */
    void require(ActivityAction action) {
        if (!allows(action)) {
            throw new ActivityConflict("activity.conflict.state",
                    new DefaultMessageSourceResolvable("activity.status." + status.name()),
                    new DefaultMessageSourceResolvable("activity.action." + action.name()));
        }
    }

    private static void requireText(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }

    private void move(ActivityStatus to, String action, Actor by, Instant at, String remark) {
        newTransitions.add(new Transition(action, status, to, by.accountId(), by.displayName(), by.role().name(), at,
                remark));
        status = to;
        updatedAt = at;
    }

    private static void compare(Map<String, String> before, Map<String, String> after, String field, String was,
            String now) {
        if (!Objects.equals(was, now)) {
            before.put(field, was);
            after.put(field, now);
        }
    }

    private static String shown(Instant t) {
        return SHOWN.format(t);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String name(Long id, LongFunction<String> names) {
        return id == null ? "" : names.apply(id);
    }

    // ---- pending records for the repository and the facade ----------------------------------------------------

    List<Transition> takeTransitions() {
        List<Transition> t = List.copyOf(newTransitions);
        newTransitions.clear();
        return t;
    }

    List<Change> takeChanges() {
        List<Change> c = List.copyOf(newChanges);
        newChanges.clear();
        return c;
    }

    List<ActivityEvent> takeEvents() {
        List<ActivityEvent> e = List.copyOf(newEvents);
        newEvents.clear();
        return e;
    }

    // ---- state ------------------------------------------------------------------------------------------------

    Long id() {
        return id;
    }

    long campaignId() {
        return campaignId;
    }

    long organizationId() {
        return organizationId;
    }

    ReviewLevel reviewLevel() {
        return reviewLevel;
    }

    ActivityDetails details() {
        return details;
    }

    ActivityStatus status() {
        return status;
    }

    boolean late() {
        return late;
    }

    Instant firstSubmittedAt() {
        return firstSubmittedAt;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    String returnReason() {
        return returnReason;
    }

    String cancelReason() {
        return cancelReason;
    }

    Long epidemicPlanFileId() {
        return epidemicPlanFileId;
    }

    Long intentionScanFileId() {
        return intentionScanFileId;
    }

    long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    int version() {
        return version;
    }
}
