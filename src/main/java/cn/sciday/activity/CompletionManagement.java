package cn.sciday.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.campaign.MilestoneKind;
import cn.sciday.media.FileKind;
import cn.sciday.media.Media;
import cn.sciday.media.StoredFile;
import cn.sciday.media.Visibility;
import cn.sciday.organization.OrganizationStatus;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.UserMessage;

/**
 * Information completion (信息完善, due 10-22) of published activities, for the pages and the API: photos (at most 9,
 * JPEG or PNG, thumbnails made by the media module), news report and video links, the online address, actual
 * participants (pre-filled with sign-up check-ins) and a written summary; the completeness score per activity, unit
 * and division or department. Scoping as for activities (another unit's: 404); only the proposing organization
 * changes its completion (403 for others), and only while the activity is published (409).
 */
@Service
public class CompletionManagement {

    public static final int MAX_PHOTOS = 9;
    static final int MAX_LINKS = 20;
    static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    static final Set<FileKind> PHOTO_KINDS = EnumSet.of(FileKind.JPEG, FileKind.PNG);
    static final String PHOTO_PURPOSE = "activity-photo";

    private final Activities activities;
    private final CompletionRepository repo;
    private final CompletionCalculator calculator;
    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final Media media;
    private final ObjectProvider<CheckInCounts> checkIns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CompletionManagement(Activities activities, CompletionRepository repo, CompletionCalculator calculator,
            CampaignManagement campaigns, Organizations organizations, Media media,
            ObjectProvider<CheckInCounts> checkIns, ApplicationEventPublisher events,
            Clock clock) {
        this.activities = activities;
        this.repo = repo;
        this.calculator = calculator;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.media = media;
        this.checkIns = checkIns;
        this.events = events;
        this.clock = clock;
    }

    // ---- one activity ----------------------------------------------------------------------------------------

    /** The completion of an activity the actor may see (404 otherwise). */
    @Transactional(readOnly = true)
    public CompletionView view(Actor actor, long activityId) {
        Activity a = activities.load(actor, activityId);
        return view(actor, a);
    }

    /** Saves actual participants, online address and summary. */
    @Transactional
    public CompletionView update(Actor actor, long activityId, CompletionForm form) {
        return update(actor, activityId, form, clock.instant());
    }

    @Transactional
    CompletionView update(Actor actor, long activityId, CompletionForm form, Instant at) {
        Activity a = editable(actor, activityId);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        Integer participants = form == null ? null : form.actualParticipants();
        if (participants != null && (participants < 0 || participants > 10_000_000)) {
            problems.add(new InvalidInputException.Problem("actualParticipants",
                    "completion.participants.range"));
        }
        String url = blankToNull(form == null ? null : form.onlineUrl());
        if (url != null && !isWebAddress(url)) {
            problems.add(new InvalidInputException.Problem("onlineUrl", "completion.url.invalid"));
        }
        String summary = blankToNull(form == null ? null : form.summary());
        if (summary != null && summary.length() > 2000) {
            problems.add(new InvalidInputException.Problem("summary", "completion.summary.size"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repo.ensure(activityId, at, actor.accountId());
        CompletionRepository.Row row = repo.find(activityId).orElseThrow();
        if (!repo.update(activityId, row.version(), participants, url, summary, at, actor.accountId())) {
            throw new ConflictException("completion.conflict.version");
        }
        settle(a, actor, at);
        audit("ACTIVITY_COMPLETION_UPDATED", a, "实际参与人数 " + (participants == null ? "—" : participants)
                + "；线上网址 " + (url == null ? "—" : url) + "；总结 " + (summary == null ? 0 : summary.length()) + " 字");
        return view(actor, a);
    }

    /** Adds one photo (JPEG or PNG, at most 10 MB); 409 once there are nine. */
    @Transactional
    public CompletionView addPhoto(Actor actor, long activityId, Upload upload) {
        return addPhoto(actor, activityId, upload, clock.instant());
    }

    @Transactional
    CompletionView addPhoto(Actor actor, long activityId, Upload upload, Instant at) {
        Activity a = editable(actor, activityId);
        if (upload == null) {
            throw new InvalidInputException("file", "completion.file.required");
        }
        int slot = freeSlot(activityId);
        StoredFile file;
        try (InputStream in = upload.open()) {
            file = media.store(actor, a.organizationId(), PHOTO_PURPOSE, Visibility.SCOPED, upload.name(), in,
                    PHOTO_KINDS, MAX_PHOTO_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repo.ensure(activityId, at, actor.accountId());
        try {
            repo.insertPhoto(activityId, slot, file.id(), at, actor.accountId());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException("completion.conflict.photoRace");
        }
        repo.touch(activityId, at, actor.accountId());
        settle(a, actor, at);
        audit("ACTIVITY_PHOTO_ADDED", a, "照片 #" + file.id() + " " + file.originalName());
        return view(actor, a);
    }

    @Transactional
    public CompletionView removePhoto(Actor actor, long activityId, long photoId) {
        Instant at = clock.instant();
        Activity a = editable(actor, activityId);
        CompletionRepository.PhotoRow photo = repo.photo(activityId, photoId)
                .orElseThrow(() -> new NotFoundException("photo " + photoId));
        repo.deletePhoto(photo.id());
        media.delete(actor, photo.fileId());
        repo.touch(activityId, at, actor.accountId());
        settle(a, actor, at);
        audit("ACTIVITY_PHOTO_REMOVED", a, "照片 #" + photo.fileId());
        return view(actor, a);
    }

    /** Adds a news report or video link: a title and an http(s) address; at most 20 links. */
    @Transactional
    public CompletionView addLink(Actor actor, long activityId, CompletionLinkForm form) {
        return addLink(actor, activityId, form, clock.instant());
    }

    @Transactional
    CompletionView addLink(Actor actor, long activityId, CompletionLinkForm form, Instant at) {
        Activity a = editable(actor, activityId);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (form == null || form.kind() == null) {
            problems.add(new InvalidInputException.Problem("kind", "completion.link.kind.required"));
        }
        String title = form == null ? null : blankToNull(form.title());
        if (title == null) {
            problems.add(new InvalidInputException.Problem("title", "completion.link.title.required"));
        } else if (title.length() > 200) {
            problems.add(new InvalidInputException.Problem("title", "completion.link.title.size"));
        }
        String url = form == null ? null : blankToNull(form.url());
        if (url == null) {
            problems.add(new InvalidInputException.Problem("url", "completion.link.url.required"));
        } else if (!isWebAddress(url)) {
            problems.add(new InvalidInputException.Problem("url", "completion.url.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repo.links(activityId).size() >= MAX_LINKS) {
            throw new ConflictException("completion.conflict.links", MAX_LINKS);
        }
        repo.ensure(activityId, at, actor.accountId());
        repo.insertLink(activityId, form.kind(), title, url, at, actor.accountId());
        repo.touch(activityId, at, actor.accountId());
        settle(a, actor, at);
        audit("ACTIVITY_LINK_ADDED", a, form.kind() + " " + title + " " + url);
        return view(actor, a);
    }

    @Transactional
    public CompletionView removeLink(Actor actor, long activityId, long linkId) {
        Instant at = clock.instant();
        Activity a = editable(actor, activityId);
        if (!repo.deleteLink(activityId, linkId)) {
            throw new NotFoundException("link " + linkId);
        }
        repo.touch(activityId, at, actor.accountId());
        settle(a, actor, at);
        audit("ACTIVITY_LINK_REMOVED", a, "链接 #" + linkId);
        return view(actor, a);
    }

    // ---- overviews -------------------------------------------------------------------------------------------

    /**
     * The completion overview of the current campaign for the actor: the city sees every division and department
     * and every unit; a coordinator its own body, its units and its own activities; an organizer its unit's
     * activities (as {@code own}; no unit rows).
     */
    @Transactional(readOnly = true)
    public CompletionOverview overview(Actor actor) {
        if (!actor.isStaff() || actor.organizationId() == null) {
            throw new ForbiddenException("completion.forbidden.overview");
        }
        Campaign campaign = campaigns.requireCurrent();
        CompletionCalculator.Scope scope = calculator.scope();
        List<OrganizationView> bodies = switch (actor.role()) {
            case CITY_ADMIN -> organizations.coordinatingBodies();
            case COORDINATOR -> List.of(organizations.get(actor.organizationId()));
            default -> List.of();
        };
        List<OrganizationView> units = actor.isOrganizer() ? List.of()
                : organizations.unitsVisibleTo(actor, OrganizationStatus.APPROVED);
        List<Long> orgIds = null;
        if (!actor.isCityAdmin()) {
            orgIds = new ArrayList<>(units.stream().map(OrganizationView::id).toList());
            if (!orgIds.contains(actor.organizationId())) {
                orgIds.add(actor.organizationId());
            }
        }
        Map<Long, List<CompletionFacts>> byOrg = new HashMap<>();
        for (CompletionFacts f : repo.published(campaign.id(), orgIds)) {
            byOrg.computeIfAbsent(f.organizationId(), k -> new ArrayList<>()).add(f);
        }
        List<CompletionTotals> bodyRows = bodies.stream().map(b -> {
            List<CompletionFacts> facts = new ArrayList<>(byOrg.getOrDefault(b.id(), List.of()));
            units.stream().filter(u -> b.id() == (u.parentId() == null ? -1 : u.parentId()))
                    .forEach(u -> facts.addAll(byOrg.getOrDefault(u.id(), List.of())));
            return scope.totals(b.id(), b.name(), b.parentId(), b.parentName(), facts);
        }).toList();
        List<CompletionTotals> unitRows = units.stream()
                .map(u -> scope.totals(u.id(), u.name(), u.parentId(), u.parentName(),
                        byOrg.getOrDefault(u.id(), List.of())))
                .toList();
        CompletionTotals own = null;
        List<ActivityCompletion> ownActivities = List.of();
        if (!actor.isCityAdmin()) {
            OrganizationView o = organizations.get(actor.organizationId());
            List<CompletionFacts> facts = byOrg.getOrDefault(o.id(), List.of());
            own = scope.totals(o.id(), o.name(), o.parentId(), o.parentName(), facts);
            ownActivities = facts.stream().map(scope::completion).toList();
        }
        return new CompletionOverview(campaign.milestone(MilestoneKind.COMPLETION).dueOn(),
                campaign.isLate(MilestoneKind.COMPLETION, scope.now()), bodyRows, unitRows, own, ownActivities);
    }

    /** One organization's published activities with their completion, for those who may see it (404 otherwise). */
    @Transactional(readOnly = true)
    public OrganizationCompletion organization(Actor actor, long organizationId) {
        if (!actor.isStaff() || !organizations.canSee(actor, organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        OrganizationView o = organizations.get(organizationId);
        Campaign campaign = campaigns.requireCurrent();
        CompletionCalculator.Scope scope = calculator.scope();
        List<CompletionFacts> facts = repo.published(campaign.id(), List.of(organizationId));
        return new OrganizationCompletion(scope.totals(o.id(), o.name(), o.parentId(), o.parentName(), facts),
                facts.stream().map(scope::completion).toList(), campaign.milestone(MilestoneKind.COMPLETION).dueOn());
    }

    /** The completion of those of the given activities the actor may see, by activity id (for lists). */
    @Transactional(readOnly = true)
    public Map<Long, ActivityCompletion> completionsVisibleTo(Actor actor, java.util.Collection<Long> activityIds) {
        CompletionCalculator.Scope scope = calculator.scope();
        Map<Long, Boolean> visible = new HashMap<>();
        Map<Long, ActivityCompletion> all = new HashMap<>();
        repo.facts(activityIds).forEach((id, f) -> {
            if (visible.computeIfAbsent(f.organizationId(), o -> organizations.canSee(actor, o))) {
                all.put(id, scope.completion(f));
            }
        });
        return all;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Activity editable(Actor actor, long activityId) {
        Activity a = activities.load(actor, activityId);
        if (!ActivityPolicy.isProposer(actor, a.organizationId())) {
            throw new ForbiddenException("completion.forbidden.edit");
        }
        if (a.status() != ActivityStatus.PUBLISHED) {
            throw new ConflictException("completion.conflict.notPublished",
                    UserMessage.of("activity.status." + a.status().name()));
        }
        return a;
    }

    private int freeSlot(long activityId) {
        Set<Integer> used = new TreeSet<>();
        repo.photos(activityId).forEach(p -> used.add(p.slot()));
        for (int slot = 1; slot <= MAX_PHOTOS; slot++) {
            if (!used.contains(slot)) {
                return slot;
            }
        }
        throw new ConflictException("completion.conflict.photos", MAX_PHOTOS);
    }

    /** Marks the completion complete or not after a change; announces it when it becomes complete. */
    private void settle(Activity a, Actor actor, Instant at) {
        CompletionFacts f = repo.facts(a.id()).orElseThrow();
        if (f.complete() && f.completedAt() == null) {
            repo.markCompleted(a.id(), at);
            boolean late = campaigns.get(a.campaignId()).isLate(MilestoneKind.COMPLETION, at);
            events.publishEvent(new ActivityCompleted(a.id(), a.details().name(), a.organizationId(),
                    actor.accountId(), actor.displayName(), at, f.score(), late));
        } else if (!f.complete() && f.completedAt() != null) {
            repo.markCompleted(a.id(), null);
        }
    }

    private CompletionView view(Actor actor, Activity a) {
        CompletionFacts f = repo.facts(a.id()).orElseThrow();
        CompletionCalculator.Scope scope = calculator.scope();
        ActivityCompletion c = scope.completion(f);
        CompletionRepository.Row row = repo.find(a.id()).orElse(null);
        List<CompletionView.Photo> photos = repo.photos(a.id()).stream().map(p -> {
            StoredFile file = media.metadata(p.fileId()).orElse(null);
            return new CompletionView.Photo(p.id(), p.fileId(), file == null ? "" : file.originalName(),
                    file != null && file.hasThumbnail());
        }).toList();
        List<CompletionView.Link> links = repo.links(a.id()).stream()
                .map(l -> new CompletionView.Link(l.id(), l.kind(), l.title(), l.url())).toList();
        Integer checkedIn = null;
        CheckInCounts counts = checkIns.getIfAvailable();
        if (counts != null && a.details().signupOpen()) {
            checkedIn = counts.checkedIn(a.id());
        }
        boolean editable = ActivityPolicy.isProposer(actor, a.organizationId())
                && a.status() == ActivityStatus.PUBLISHED;
        return new CompletionView(a.id(), a.details().name(), a.status(), a.details().format(), a.organizationId(),
                organizations.get(a.organizationId()).name(), c.completable(), editable, photos, links,
                row == null ? null : row.actualParticipants(), checkedIn, row == null ? null : row.onlineUrl(),
                a.details().onlineUrl(), row == null ? null : row.summary(), c.required(), c.missing(), c.score(),
                c.complete(), c.late(), c.completedAt(),
                scope.campaign(a.campaignId()).milestone(MilestoneKind.COMPLETION).dueOn(), MAX_PHOTOS);
    }

    private void audit(String action, Activity a, String detail) {
        events.publishEvent(new AuditEvent(action, "ACTIVITY", String.valueOf(a.id()), a.details().name() + "；" + detail));
    }

    static boolean isWebAddress(String url) {
        if (url.length() > 500 || url.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
