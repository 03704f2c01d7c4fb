package cn.sciday.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.campaign.MilestoneKind;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/**
 * The activity module's facade, used by its pages and API and by later modules (sign-up, reporting). Every method
 * that takes an {@link Actor} scopes by organization first (another unit's activity is not found: 404), then checks
 * the role (403), then the state (409 with a message a person understands).
 */
@Service
public class Activities {

    private final ActivityRepository repo;
    private final PublicSearchRepository publicSearch;
    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final ActivityRules rules;
    private final ActivityMessages messages;
    private final ActivityViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Activities(ActivityRepository repo, PublicSearchRepository publicSearch, CampaignManagement campaigns, Organizations organizations,
            ActivityRules rules, ActivityMessages messages, ActivityViews views, ApplicationEventPublisher events,
            Clock clock) {
        this.repo = repo;
        this.publicSearch = publicSearch;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.rules = rules;
        this.messages = messages;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    // ---- proposing and editing --------------------------------------------------------------------------------

    /** Saves a new draft for the actor's own organization in the current campaign. */
    @Transactional
    public ActivityView create(Actor actor, ActivityForm form) {
        return create(actor, form, clock.instant());
    }

    @Transactional
    ActivityView create(Actor actor, ActivityForm form, Instant at) {
        if (!ActivityPolicy.mayPropose(actor)) {
            throw new ForbiddenException("activity.forbidden.propose");
        }
        Campaign campaign = campaigns.requireCurrent();
        ActivityDetails details = rules.check(form, campaign, organizations.divisions());
        OrganizationView own = organizations.get(actor.organizationId());
        ReviewLevel level = own.isUnit() ? ReviewLevel.COORDINATOR : ReviewLevel.CITY;
        Activity draft = Activity.draft(campaign.id(), own.id(), level, details, actor, at);
        long id = repo.insert(draft);
        Activity stored = draft.withId(id);
        repo.appendTransitions(id, stored.takeTransitions());
        stored.takeEvents().forEach(events::publishEvent);
        return views.view(actor, repo.findById(id).orElseThrow(), views.names());
    }

    /** What is wrong with a proposal in the current campaign (empty when nothing is), field by field. */
    @Transactional(readOnly = true)
    public List<InvalidInputException.Problem> problems(ActivityForm form) {
        try {
            rules.check(form, campaigns.requireCurrent(), organizations.divisions());
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    /**
     * Edits a draft or returned activity. Once published, only time, place, format, online address and capacity may
     * change (each change is logged and announced); anything else answers 409 naming the fields.
     */
    @Transactional
    public ActivityView edit(Actor actor, long id, ActivityForm form) {
        Instant at = clock.instant();
        Activity a = load(actor, id);
        permit(actor, a, ActivityAction.EDIT);
        Campaign campaign = campaigns.get(a.campaignId());
        if (a.status() == ActivityStatus.PUBLISHED) {
            ActivityDetails next = rules.check(form, campaign, organizations.divisions());
            List<String> locked = a.details().lockedFieldsDifferentIn(next);
            if (!locked.isEmpty()) {
                throw new ConflictException("activity.conflict.edit.locked",
                        String.join(messages.get("activity.list.separator"),
                                locked.stream().map(f -> messages.get("activity.field." + f)).toList()));
            }
            return change(actor, a, new ActivityChangeForm(form.format(), form.startsAt(), form.endsAt(),
                    form.divisionId(), form.venue(), form.onlineUrl(), form.capacity()), campaign, at);
        }
        guarded(() -> {
            a.requireEditable();
            return null;
        });
        ActivityDetails next = rules.check(form, campaign, organizations.divisions());
        guarded(() -> {
            a.edit(next, actor, at);
            return null;
        });
        persist(a);
        return get(actor, id);
    }

    /**
     * The activity if the actor may edit it now (draft or returned, or published for a change of time, place,
     * format, online address or capacity): 404 outside the actor's scope, 403 for a wrong role, 409 in review.
     */
    @Transactional(readOnly = true)
    public ActivityView editable(Actor actor, long id) {
        Activity a = load(actor, id);
        permit(actor, a, ActivityAction.EDIT);
        if (a.status() != ActivityStatus.PUBLISHED) {
            guarded(() -> {
                a.requireEditable();
                return null;
            });
        }
        return views.view(actor, a, views.names());
    }

    /** Changes a published activity's time, place, format, online address or capacity. */
    @Transactional
    public ActivityView change(Actor actor, long id, ActivityChangeForm form) {
        Activity a = load(actor, id);
        permit(actor, a, ActivityAction.EDIT);
        return change(actor, a, form, campaigns.get(a.campaignId()), clock.instant());
    }

    private ActivityView change(Actor actor, Activity a, ActivityChangeForm form, Campaign campaign, Instant at) {
        if (a.status() != ActivityStatus.PUBLISHED) {
            throw translated(new ActivityConflict("activity.conflict.change.notPublished"));
        }
        ActivityDetails next = rules.checkChange(form, campaign, a.details(), organizations.divisions());
        ActivityViews.Names names = views.names();
        guarded(() -> a.change(next, actor, at, d -> names.org(d).name()));
        persist(a);
        return views.view(actor, repo.findById(a.id()).orElseThrow(), names);
    }

    // ---- transitions ------------------------------------------------------------------------------------------

    /** Submits a draft or resubmits a returned activity; late after the intention deadline, refused if not allowed. */
    @Transactional
    public ActivityView submit(Actor actor, long id) {
        return act(actor, id, ActivityAction.SUBMIT, null, clock.instant());
    }

    /** The unit's 归口 endorses (审核推荐) a submitted activity to the city. */
    @Transactional
    public ActivityView endorse(Actor actor, long id, String comment) {
        return act(actor, id, ActivityAction.ENDORSE, comment, clock.instant());
    }

    /** Returns an activity in review to its organizer; the reason is required and shown to the organizer. */
    @Transactional
    public ActivityView returnFor(Actor actor, long id, String reason) {
        return act(actor, id, ActivityAction.RETURN, reason, clock.instant());
    }

    /** The city approves: the activity is published. */
    @Transactional
    public ActivityView approve(Actor actor, long id, String comment) {
        return act(actor, id, ActivityAction.APPROVE, comment, clock.instant());
    }

    @Transactional
    public ActivityView withdraw(Actor actor, long id, String reason) {
        return act(actor, id, ActivityAction.WITHDRAW, reason, clock.instant());
    }

    /** Cancels a published activity; the reason is required and shown to the public and registrants. */
    @Transactional
    public ActivityView cancel(Actor actor, long id, String reason) {
        return act(actor, id, ActivityAction.CANCEL, reason, clock.instant());
    }

    /** Endorses several activities at once: all or nothing; the result names each failure and why. */
    @Transactional
    public BatchResult endorseAll(Actor actor, Collection<Long> ids, String comment) {
        return batch(actor, ids, ActivityAction.ENDORSE, comment, clock.instant());
    }

    /** Approves (publishes) several activities at once: all or nothing; the result names each failure and why. */
    @Transactional
    public BatchResult approveAll(Actor actor, Collection<Long> ids, String comment) {
        return batch(actor, ids, ActivityAction.APPROVE, comment, clock.instant());
    }

    @Transactional
    ActivityView act(Actor actor, long id, ActivityAction action, String text, Instant at) {
        Activity a = prepare(actor, id, action, text, at);
        persist(a);
        return get(actor, id);
    }

    private BatchResult batch(Actor actor, Collection<Long> ids, ActivityAction action, String comment, Instant at) {
        boolean roleFits = action == ActivityAction.APPROVE ? actor.isCityAdmin() : actor.isCoordinator();
        if (!roleFits) {
            throw new ForbiddenException("activity.forbidden." + action.name());
        }
        List<BatchResult.Failure> failed = new ArrayList<>();
        List<Activity> ready = prepareAll(actor, ids, action, comment, at, failed);
        if (!failed.isEmpty()) {
            return new BatchResult(List.of(), failed);
        }
        ready.forEach(this::persist);
        return new BatchResult(ready.stream().map(Activity::id).toList(), List.of());
    }

    /**
     * Prepares the action on each activity in memory (nothing is stored); those that cannot take it are added to
     * {@code failed} with the reason. 400 when no activity is named.
     */
    List<Activity> prepareAll(Actor actor, Collection<Long> ids, ActivityAction action, String comment, Instant at,
            List<BatchResult.Failure> failed) {
        Set<Long> distinct = new LinkedHashSet<>(ids == null ? List.of() : ids);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            throw new InvalidInputException("ids", "activity.batch.empty");
        }
        List<Activity> ready = new ArrayList<>();
        for (Long id : distinct) {
            try {
                ready.add(prepare(actor, id, action, comment, at));
            } catch (NotFoundException e) {
                failed.add(new BatchResult.Failure(id, null, messages.get("activity.batch.notFound")));
            } catch (AccessDeniedException | ConflictException | InvalidInputException e) {
                String name = repo.findById(id).map(a -> a.details().name()).orElse(null);
                failed.add(new BatchResult.Failure(id, name, e.getMessage()));
            }
        }
        return ready;
    }

    /** Loads, scopes, checks the role and applies the transition in memory; nothing is stored yet. */
    Activity prepare(Actor actor, long id, ActivityAction action, String text, Instant at) {
        Activity a = load(actor, id);
        permit(actor, a, action);
        String note = text == null || text.isBlank() ? null : text.strip();
        if ((action == ActivityAction.RETURN || action == ActivityAction.CANCEL) && note == null) {
            throw new InvalidInputException("reason", "activity.reason.required");
        }
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("reason", "activity.reason.size");
        }
        guarded(() -> {
            switch (action) {
                case SUBMIT -> submit(actor, a, at);
                case ENDORSE -> a.endorse(actor, at, note, organizations.city().id());
                case RETURN -> a.returnFor(note, actor.isCityAdmin(), actor, at);
                case APPROVE -> a.approve(actor, at, note);
                case WITHDRAW -> a.withdraw(note, actor, at);
                case CANCEL -> a.cancel(note, actor, at);
                case EDIT -> throw new IllegalArgumentException("edit is not a transition");
            }
            return null;
        });
        return a;
    }

    private void submit(Actor actor, Activity a, Instant at) {
        a.require(ActivityAction.SUBMIT);
        Campaign campaign = campaigns.get(a.campaignId());
        boolean late = campaign.isLate(MilestoneKind.INTENTION, at);
        if (late && a.neverSubmitted() && !campaign.lateSubmissionAllowed()) {
            LocalDateTime due = campaign.milestone(MilestoneKind.INTENTION).dueOn().atTime(23, 59);
            throw new ActivityConflict("activity.conflict.submit.late",
                    DateTimeFormatter.ofPattern(messages.get("activity.datetime.pattern"), ActivityMessages.locale())
                            .format(due));
        }
        a.submit(actor, at, late, organizations.coordinatorOf(a.organizationId()));
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** An activity the actor may see, or 404. */
    @Transactional(readOnly = true)
    public ActivityView get(Actor actor, long id) {
        return views.view(actor, load(actor, id), views.names());
    }

    /** Everything the actor may see in the current campaign, filtered and paged. */
    @Transactional(readOnly = true)
    public ActivityPage<ActivityView> visibleTo(Actor actor, ActivityFilter filter) {
        return page(actor, filter, scope(actor), ActivityQuery.Queue.NONE);
    }

    /** The activities of the actor's own organization (an organizer's unit, a coordinator's own proposals). */
    @Transactional(readOnly = true)
    public ActivityPage<ActivityView> ownedBy(Actor actor, ActivityFilter filter) {
        if (!ActivityPolicy.mayPropose(actor)) {
            throw new ForbiddenException("activity.forbidden.propose");
        }
        return page(actor, filter, List.of(actor.organizationId()), ActivityQuery.Queue.NONE);
    }

    /**
     * What waits for the actor's review: a coordinator's units' submitted activities, or for the city the endorsed
     * ones and those divisions and departments submitted for themselves. Oldest submission first.
     */
    @Transactional(readOnly = true)
    public ActivityPage<ActivityView> reviewQueue(Actor actor, ActivityFilter filter) {
        if (actor.isCityAdmin()) {
            return page(actor, filter, null, ActivityQuery.Queue.CITY);
        }
        if (actor.isCoordinator() && actor.organizationId() != null) {
            List<Long> units = organizations.unitsVisibleTo(actor, null).stream().map(OrganizationView::id)
                    .filter(u -> !u.equals(actor.organizationId())).toList();
            return page(actor, filter, units, ActivityQuery.Queue.COORDINATOR);
        }
        throw new ForbiddenException("activity.forbidden.review");
    }

    /** How many activities of each state the actor may see in the current campaign (dashboards). */
    @Transactional(readOnly = true)
    public Map<ActivityStatus, Long> countsByStatus(Actor actor) {
        return repo.countByStatus(query(scope(actor), ActivityFilter.all(), ActivityQuery.Queue.NONE, false));
    }

    /** How many activities wait for the actor's review (0 for organizers). */
    @Transactional(readOnly = true)
    public long reviewCount(Actor actor) {
        if (!actor.isCityAdmin() && !actor.isCoordinator()) {
            return 0;
        }
        return reviewQueue(actor, new ActivityFilter(null, null, null, false, 0, 1)).total();
    }

    @Transactional(readOnly = true)
    public List<ActivityTransitionView> history(Actor actor, long id) {
        load(actor, id);
        return repo.transitions(id).stream()
                .map(t -> new ActivityTransitionView(t.action(), t.from(), t.to(), t.actorId(), t.actorName(),
                        t.actorRole(), ActivityViews.beijing(t.at()), t.remark()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ActivityChangeView> changes(Actor actor, long id) {
        load(actor, id);
        return repo.changes(id).stream()
                .map(c -> new ActivityChangeView(c.field(), c.before(), c.after(), c.actorId(), c.actorName(),
                        ActivityViews.beijing(c.at())))
                .toList();
    }

    /** Published and cancelled activities of the current campaign, for anyone. */
    @Transactional(readOnly = true)
    public ActivityPage<PublicActivity> publicList(ActivityFilter filter) {
        if (filter.status() != null && !filter.status().isPublic()) {
            return new ActivityPage<>(List.of(), 0, filter.page(), filter.size());
        }
        Set<ActivityStatus> statuses = filter.status() != null ? Set.of(filter.status())
                : Set.of(ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED);
        Long campaign = campaigns.current().map(Campaign::id).orElse(null);
        ActivityQuery q = new ActivityQuery(campaign, null, statuses, ActivityQuery.Queue.NONE, filter.divisionId(),
                filter.jointAction(), false, filter.offset(), filter.size());
        ActivityViews.Names names = views.names();
        List<PublicActivity> items = repo.find(q).stream().map(a -> views.publicView(a, names)).toList();
        return new ActivityPage<>(items, repo.count(q), filter.page(), filter.size());
    }

    /** A published or cancelled activity, or 404. */
    @Transactional(readOnly = true)
    public PublicActivity publicGet(long id) {
        Activity a = repo.findById(id).filter(x -> x.status().isPublic())
                .orElseThrow(() -> new NotFoundException("activity " + id));
        return views.publicView(a, views.names());
    }

    /** A page of the current campaign's published activities matching a public search (the portal's list). */
    @Transactional(readOnly = true)
    public ActivityPage<PublicActivity> search(PublicSearch search) {
        Long campaign = campaigns.current().map(Campaign::id).orElse(null);
        if (campaign == null) {
            return new ActivityPage<>(List.of(), 0, search.page(), search.size());
        }
        List<Long> ids = publicSearch.ids(campaign, search, search.offset(), search.size());
        return new ActivityPage<>(publicViews(ids), publicSearch.count(campaign, search), search.page(),
                search.size());
    }

    /**
     * The ids of every published activity matching the search (its page and size ignored), in the search's order;
     * at most 20,000. For callers that rank or filter by something only they know (seats left).
     */
    @Transactional(readOnly = true)
    public List<Long> searchIds(PublicSearch search) {
        return campaigns.current().map(c -> publicSearch.ids(c.id(), search, 0, PublicSearchRepository.MAX_IDS))
                .orElse(List.of());
    }

    /** The published or cancelled activities among {@code ids}, in that order; others are left out. */
    @Transactional(readOnly = true)
    public List<PublicActivity> publicGetAll(List<Long> ids) {
        return publicViews(ids);
    }

    /** How many activities are published in the current campaign, by whom and where. */
    @Transactional(readOnly = true)
    public PublicStatistics publicStatistics() {
        return campaigns.current().map(c -> publicSearch.statistics(c.id()))
                .orElse(new PublicStatistics(0, 0, 0, Map.of(), 0));
    }

    /**
     * For each day from {@code from} to {@code to} (Beijing dates, inclusive), how many published activities of the
     * current campaign run on it; an activity of several days counts on each. Days without any are left out.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Integer> publicDayCounts(LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> counts = new java.util.TreeMap<>();
        Long campaign = campaigns.current().map(Campaign::id).orElse(null);
        if (campaign == null || to.isBefore(from)) {
            return counts;
        }
        for (PublicSearchRepository.Period p : publicSearch.periods(campaign, PublicSearchRepository.startOf(from),
                PublicSearchRepository.startOf(to.plusDays(1)))) {
            LocalDate first = LocalDate.ofInstant(p.startsAt(), Campaign.ZONE);
            LocalDate last = LocalDate.ofInstant(p.endsAt().minusNanos(1), Campaign.ZONE);
            for (LocalDate d = first.isBefore(from) ? from : first; !d.isAfter(last) && !d.isAfter(to);
                    d = d.plusDays(1)) {
                counts.merge(d, 1, Integer::sum);
            }
        }
        return counts;
    }

    private List<PublicActivity> publicViews(List<Long> ids) {
        ActivityViews.Names names = views.names();
        return repo.findByIds(ids).stream().filter(a -> a.status().isPublic()).map(a -> views.publicView(a, names))
                .toList();
    }

    /** Whether an activity of this name is stored (demo data looks for its own). */
    boolean existsNamed(String name) {
        return repo.existsNamed(name);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private ActivityPage<ActivityView> page(Actor actor, ActivityFilter filter, Collection<Long> orgIds,
            ActivityQuery.Queue queue) {
        ActivityQuery q = query(orgIds, filter, queue, true);
        ActivityViews.Names names = views.names();
        List<ActivityView> items = repo.find(q).stream().map(a -> views.view(actor, a, names)).toList();
        return new ActivityPage<>(items, repo.count(q), filter.page(), filter.size());
    }

    private ActivityQuery query(Collection<Long> orgIds, ActivityFilter filter, ActivityQuery.Queue queue,
            boolean withStatus) {
        Long campaign = campaigns.current().map(Campaign::id).orElse(null);
        Set<ActivityStatus> statuses = withStatus && filter.status() != null ? Set.of(filter.status()) : Set.of();
        return new ActivityQuery(campaign, orgIds, statuses, queue, filter.divisionId(), filter.jointAction(),
                filter.lateOnly(), filter.offset(), filter.size());
    }

    /** The organizations whose activities the actor sees; null for all (the city). */
    private Collection<Long> scope(Actor actor) {
        return switch (actor.role()) {
            case CITY_ADMIN -> null;
            case COORDINATOR -> {
                List<Long> ids = new ArrayList<>();
                if (actor.organizationId() != null) {
                    ids.add(actor.organizationId());
                    organizations.unitsVisibleTo(actor, null).forEach(u -> ids.add(u.id()));
                }
                yield ids;
            }
            case ORGANIZER -> actor.organizationId() == null ? List.of() : List.of(actor.organizationId());
            case PUBLIC -> List.of();
        };
    }

    Activity load(Actor actor, long id) {
        Activity a = repo.findById(id).orElseThrow(() -> new NotFoundException("activity " + id));
        if (!organizations.canSee(actor, a.organizationId())) {
            throw new NotFoundException("activity " + id);
        }
        return a;
    }

    void permit(Actor actor, Activity a, ActivityAction action) {
        if (!ActivityPolicy.mayAttempt(actor, action, a.organizationId(), a.reviewLevel())) {
            throw new ForbiddenException("activity.forbidden." + action.name());
        }
    }

    void persist(Activity a) {
        if (!repo.update(a)) {
            throw new ConflictException("activity.conflict.version");
        }
        repo.appendTransitions(a.id(), a.takeTransitions());
        repo.appendChanges(a.id(), a.takeChanges());
        a.takeEvents().forEach(events::publishEvent);
    }

    <T> T guarded(Supplier<T> change) {
        try {
            return change.get();
        } catch (ActivityConflict e) {
            throw translated(e);
        }
    }

    ConflictException translated(ActivityConflict e) {
        return new ConflictException(e.key(), e.args());
    }
}
