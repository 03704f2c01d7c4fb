package cn.sciday.online;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.media.Visibility;
import cn.sciday.notification.Notifications;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.NotFoundException;

/**
 * Science-volunteer profiles (点赞科技志愿): units submit their volunteers, the city approves them, the public sees
 * and likes the approved ones (likes: {@link Likes}). Another unit's profile is not found (404).
 */
@Service
public class Volunteers {

    private final VolunteerRepository repo;
    private final OnlineMedia media;
    private final Organizations organizations;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LikeCounts likes;

    Volunteers(VolunteerRepository repo, OnlineMedia media, Organizations organizations, Notifications notifications,
            ApplicationEventPublisher events, Clock clock, LikeCounts likes) {
        this.likes = likes;
        this.repo = repo;
        this.media = media;
        this.organizations = organizations;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Volunteer submit(Actor actor, VolunteerForm form, OnlineUpload photo) {
        requireOrganizer(actor);
        String[] v = valid(form);
        Long photoId = photo == null ? null : storePhoto(actor, photo);
        String unit = organizations.get(actor.organizationId()).name();
        long id = repo.insert(actor.organizationId(), unit, v[0], v[1], photoId, VolunteerStatus.PENDING,
                actor.accountId(), clock.instant());
        events.publishEvent(new AuditEvent("VOLUNTEER_SUBMITTED", "VOLUNTEER", String.valueOf(id), unit + " " + v[0]));
        return repo.find(id).orElseThrow();
    }

    /** Changes a profile of one's own unit while it waits or after it was returned; it goes (back) to review. */
    @Transactional
    public Volunteer edit(Actor actor, long id, VolunteerForm form, OnlineUpload photo) {
        Volunteer before = ofOwnUnit(actor, id);
        if (before.isApproved()) {
            throw new ConflictException("online.error.volunteerApproved");
        }
        String[] v = valid(form);
        Long photoId = photo == null ? before.photoMediaId() : storePhoto(actor, photo);
        repo.update(id, v[0], v[1], photoId, clock.instant());
        if (photo != null) {
            media.remove(before.photoMediaId());
        }
        events.publishEvent(new AuditEvent("VOLUNTEER_EDITED", "VOLUNTEER", String.valueOf(id), v[0]));
        return repo.find(id).orElseThrow();
    }

    /** The profiles of the organizer's unit, newest first. */
    @Transactional(readOnly = true)
    public List<Volunteer> ofMyUnit(Actor actor) {
        requireOrganizer(actor);
        return repo.ofUnit(actor.organizationId());
    }

    /** A profile of the organizer's own unit; any other is not found. */
    @Transactional(readOnly = true)
    public Volunteer ofOwnUnit(Actor actor, long id) {
        requireOrganizer(actor);
        return repo.find(id).filter(v -> v.organizationId() == actor.organizationId())
                .orElseThrow(() -> new NotFoundException("volunteer " + id));
    }

    /** A profile the visitor may see: approved ones for everybody, others for the staff whose scope covers the unit. */
    @Transactional(readOnly = true)
    public Volunteer visible(Actor actorOrNull, long id) {
        return repo.find(id).filter(v -> v.isApproved() || (actorOrNull != null && actorOrNull.isStaff()
                && organizations.canSee(actorOrNull, v.organizationId())))
                .map(v -> withCounts(List.of(v)).get(0))
                .orElseThrow(() -> new NotFoundException("volunteer " + id));
    }

    /**
     * Approved profiles, most liked (the default) or newest first. By likes, the order and the counts come from
     * {@link LikeCounts} (the database, or Redis when configured); newest first, the counts do.
     */
    @Transactional(readOnly = true)
    public List<Volunteer> approved(String sort, int limit, int offset) {
        int n = Math.max(1, Math.min(limit, 200));
        int from = Math.max(0, offset);
        if ("newest".equalsIgnoreCase(sort)) {
            return withCounts(repo.approved(false, n, from));
        }
        return withCounts(repo.inOrder(likes.ranking(LikeTarget.VOLUNTEER, null, null, from, n)));
    }

    private List<Volunteer> withCounts(List<Volunteer> list) {
        Map<Long, Integer> counts = likes.counts(LikeTarget.VOLUNTEER, list.stream().map(Volunteer::id).toList());
        return list.stream().map(v -> v.withLikeCount(counts.getOrDefault(v.id(), v.likeCount()))).toList();
    }

    // ---- review -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Volunteer> forReview(VolunteerStatus status) {
        return repo.byStatus(status, 500);
    }

    @Transactional(readOnly = true)
    public int pendingCount() {
        return repo.countByStatus(VolunteerStatus.PENDING);
    }

    @Transactional(readOnly = true)
    public Volunteer forAdmin(Actor actor, long id) {
        VideoEntries.requireCityAdmin(actor);
        return repo.find(id).orElseThrow(() -> new NotFoundException("volunteer " + id));
    }

    @Transactional
    public Volunteer approve(Actor actor, long id) {
        Volunteer v = forAdmin(actor, id);
        if (!repo.review(id, VolunteerStatus.APPROVED, null, actor.accountId(), clock.instant())) {
            throw notPending(v);
        }
        notifications.notify(v.submittedBy(), "科技志愿者资料已通过审核",
                "贵单位提交的科技志愿者“" + v.name() + "”的资料已通过审核，现已在“点赞科技志愿”中展示。", "/my/volunteers");
        events.publishEvent(new LikeEvents.Changed(LikeTarget.VOLUNTEER, id));
        events.publishEvent(new AuditEvent("VOLUNTEER_APPROVED", "VOLUNTEER", String.valueOf(id), v.name()));
        return repo.find(id).orElseThrow();
    }

    @Transactional
    public Volunteer reject(Actor actor, long id, String reason) {
        Volunteer v = forAdmin(actor, id);
        OnlineInput in = new OnlineInput();
        String why = in.text("reason", reason, 300, "online.error.volunteerReturnReasonRequired",
                "online.label.reason");
        in.check();
        if (!repo.review(id, VolunteerStatus.REJECTED, why, actor.accountId(), clock.instant())) {
            throw notPending(v);
        }
        notifications.notify(v.submittedBy(), "科技志愿者资料未通过审核",
                "贵单位提交的科技志愿者“" + v.name() + "”的资料未通过审核。理由：" + why + "。请修改后重新提交。",
                "/my/volunteers/" + id + "/edit");
        events.publishEvent(new AuditEvent("VOLUNTEER_REJECTED", "VOLUNTEER", String.valueOf(id),
                v.name() + "；理由：" + why));
        return repo.find(id).orElseThrow();
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private static String[] valid(VolunteerForm f) {
        OnlineInput in = new OnlineInput();
        String name = in.text("name", f.name(), 30, "online.error.volunteerNameRequired", "online.label.name");
        String story = in.text("story", f.story(), 1000, "online.error.storyRequired", "online.label.story");
        if (!story.isEmpty() && OnlineInput.length(story) < 20) {
            in.add("story", "online.error.storyTooShort");
        }
        in.check();
        return new String[] {name, story};
    }

    private Long storePhoto(Actor actor, OnlineUpload photo) {
        return media.store(actor, actor.organizationId(), "online-volunteer-photo", Visibility.SCOPED, photo,
                OnlineMedia.IMAGES, OnlineMedia.IMAGE_MAX_BYTES, "photo").id();
    }

    private static void requireOrganizer(Actor actor) {
        if (!actor.isOrganizer() || actor.organizationId() == null || !actor.unitApproved()) {
            throw new ForbiddenException("online.error.volunteerOrganizersOnly");
        }
    }

    private static ConflictException notPending(Volunteer v) {
        return new ConflictException(v.isApproved() ? "online.error.volunteerReviewedApproved"
                : "online.error.volunteerReviewedReturned", v.name());
    }

    /** Demo data: an approved profile, once per unit and name. */
    @Transactional
    long seedApproved(long unitId, String name, String story, Instant at) {
        if (repo.anyOf(unitId, name)) {
            return -1;
        }
        return repo.insert(unitId, organizations.get(unitId).name(), name, story, null, VolunteerStatus.APPROVED, 0, at);
    }
}
