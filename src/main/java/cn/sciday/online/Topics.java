package cn.sciday.online;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
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
 * Topic interaction (话题互动): city admins open topics; verified public users comment (at most 300 characters);
 * comments show at once or wait for approval, per topic; a comment with a sensitive word always waits; moderators
 * approve or hide (with a reason the author sees).
 */
@Service
public class Topics {

    static final int COMMENT_MAX = 300;

    private final TopicRepository repo;
    private final TopicSensitiveWords sensitiveWords;
    private final OnlineMedia media;
    private final Organizations organizations;
    private final Notifications notifications;
    private final LikeRateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int commentsPerMinute;

    Topics(TopicRepository repo, TopicSensitiveWords sensitiveWords, OnlineMedia media, Organizations organizations,
            Notifications notifications, LikeRateLimiter limiter, ApplicationEventPublisher events, Clock clock,
            @Value("${sciday.online.comments-per-minute:5}") int commentsPerMinute) {
        this.repo = repo;
        this.sensitiveWords = sensitiveWords;
        this.media = media;
        this.organizations = organizations;
        this.notifications = notifications;
        this.limiter = limiter;
        this.events = events;
        this.clock = clock;
        this.commentsPerMinute = commentsPerMinute;
    }

    // ---- topics -------------------------------------------------------------------------------------------------

    @Transactional
    public Topic create(Actor actor, TopicForm form, OnlineUpload picture) {
        VideoEntries.requireCityAdmin(actor);
        Topic t = valid(0, form, null);
        Long pictureId = picture == null ? null : storePicture(actor, picture);
        long id = repo.insert(withPicture(t, pictureId), actor.accountId(), clock.instant());
        events.publishEvent(new AuditEvent("TOPIC_CREATED", "TOPIC", String.valueOf(id), t.question()));
        return get(id);
    }

    @Transactional
    public Topic edit(Actor actor, long id, TopicForm form, OnlineUpload picture) {
        VideoEntries.requireCityAdmin(actor);
        Topic before = get(id);
        Topic t = valid(id, form, before.pictureMediaId());
        Long pictureId = picture == null ? before.pictureMediaId() : storePicture(actor, picture);
        repo.update(withPicture(t, pictureId), clock.instant());
        if (picture != null) {
            media.remove(before.pictureMediaId());
        }
        events.publishEvent(new AuditEvent("TOPIC_EDITED", "TOPIC", String.valueOf(id), t.question()));
        return get(id);
    }

    /** Every topic, newest first (city admins). */
    @Transactional(readOnly = true)
    public List<Topic> all() {
        return repo.all();
    }

    /** Topics that have started: open ones first (closing soonest first), then closed ones, newest first. */
    @Transactional(readOnly = true)
    public List<Topic> started() {
        Instant now = clock.instant();
        return repo.all().stream().filter(t -> t.hasStarted(now))
                .sorted(Comparator.comparing((Topic t) -> !t.isOpen(now))
                        .thenComparing(t -> t.isOpen(now) ? t.closesAt() : Instant.MAX)
                        .thenComparing(Topic::opensAt, Comparator.reverseOrder()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Topic get(long id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("topic " + id));
    }

    /** A topic for the public: only once it has started (city admins see it before). */
    @Transactional(readOnly = true)
    public Topic visible(Actor actorOrNull, long id) {
        Topic t = get(id);
        if (!t.hasStarted(clock.instant()) && (actorOrNull == null || !actorOrNull.isCityAdmin())) {
            throw new NotFoundException("topic " + id);
        }
        return t;
    }

    public java.time.Instant now() {
        return clock.instant();
    }

    public boolean isOpen(Topic t) {
        return t.isOpen(clock.instant());
    }

    // ---- comments -----------------------------------------------------------------------------------------------

    /**
     * A public user's comment. Shown at once on SHOW_AT_ONCE topics unless it holds a sensitive word; otherwise it
     * waits for a moderator.
     */
    @Transactional
    public TopicComment comment(Actor actor, long topicId, String body) {
        if (!actor.isPublic()) {
            throw new ForbiddenException("online.error.topicCitizensOnly");
        }
        Topic topic = visible(actor, topicId);
        Instant now = clock.instant();
        if (!topic.isOpen(now)) {
            throw new ConflictException("online.error.topicClosed", topic.closesText());
        }
        OnlineInput in = new OnlineInput();
        String text = in.text("body", body, COMMENT_MAX, "online.error.commentRequired", "online.label.comment");
        in.check();
        limiter.check("comment:" + actor.accountId(), commentsPerMinute, Duration.ofMinutes(1), "online.rate.comment");
        List<String> held = sensitiveWords.find(text);
        TopicCommentStatus status = !held.isEmpty() || topic.moderation() == TopicModeration.WAIT_FOR_APPROVAL
                ? TopicCommentStatus.PENDING : TopicCommentStatus.VISIBLE;
        String words = held.isEmpty() ? null : cut(String.join("、", held), 300);
        long id = repo.insertComment(topicId, actor.accountId(), cut(actor.displayName(), 50), text, status, words, now);
        return repo.findComment(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<TopicComment> visibleComments(long topicId, int limit) {
        return repo.visible(topicId, Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public int visibleCount(long topicId) {
        return repo.countVisible(topicId);
    }

    /** The actor's own comments that are not shown, with why (waiting, or hidden with a reason). */
    @Transactional(readOnly = true)
    public List<TopicComment> notShownOf(Actor actorOrNull, long topicId) {
        if (actorOrNull == null || !actorOrNull.isPublic()) {
            return List.of();
        }
        return repo.notShownOf(topicId, actorOrNull.accountId());
    }

    // ---- moderation ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<TopicComment> forModeration(Actor actor, long topicId) {
        VideoEntries.requireCityAdmin(actor);
        get(topicId);
        return repo.forModeration(topicId, 1000);
    }

    /** The topic a comment belongs to (404 for an unknown comment). */
    @Transactional(readOnly = true)
    public long commentTopic(long commentId) {
        return repo.findComment(commentId).map(TopicComment::topicId)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    @Transactional(readOnly = true)
    public int pendingCount(Long topicIdOrNull) {
        return repo.countPending(topicIdOrNull);
    }

    @Transactional
    public TopicComment approve(Actor actor, long commentId) {
        VideoEntries.requireCityAdmin(actor);
        TopicComment c = repo.findComment(commentId).orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (!repo.moderate(commentId, TopicCommentStatus.PENDING, TopicCommentStatus.VISIBLE, null, actor.accountId(),
                clock.instant())) {
            throw new ConflictException("online.error.commentNotPending");
        }
        events.publishEvent(new AuditEvent("TOPIC_COMMENT_APPROVED", "TOPIC_COMMENT", String.valueOf(commentId),
                "话题 #" + c.topicId()));
        return repo.findComment(commentId).orElseThrow();
    }

    @Transactional
    public TopicComment hide(Actor actor, long commentId, String reason) {
        VideoEntries.requireCityAdmin(actor);
        TopicComment c = repo.findComment(commentId).orElseThrow(() -> new NotFoundException("comment " + commentId));
        OnlineInput in = new OnlineInput();
        String why = in.text("reason", reason, 200, "online.error.hideReasonRequired", "online.label.reason");
        in.check();
        if (c.isHidden() || !repo.moderate(commentId, c.status(), TopicCommentStatus.HIDDEN, why, actor.accountId(),
                clock.instant())) {
            throw new ConflictException("online.error.commentAlreadyHidden");
        }
        Topic topic = get(c.topicId());
        notifications.notify(c.accountId(), "您的话题留言未予展示",
                "您在话题“" + topic.question() + "”下的留言未予展示。理由：" + why + "。", "/online/topics/" + topic.id());
        events.publishEvent(new AuditEvent("TOPIC_COMMENT_HIDDEN", "TOPIC_COMMENT", String.valueOf(commentId),
                "话题 #" + c.topicId() + "；理由：" + why));
        return repo.findComment(commentId).orElseThrow();
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private Topic valid(long id, TopicForm f, Long pictureId) {
        OnlineInput in = new OnlineInput();
        String question = in.text("question", f.question(), 100, "online.error.topicRequired", "online.label.topic");
        String description = in.text("description", f.description(), 1000, null, "online.label.description");
        Instant opens = in.time("opensAt", f.opensAt(), "online.error.opensAtRequired");
        Instant closes = in.time("closesAt", f.closesAt(), "online.error.closesAtRequired");
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            in.add("closesAt", "online.error.endBeforeStart");
        }
        TopicModeration moderation = java.util.Arrays.stream(TopicModeration.values())
                .filter(m -> m.name().equals(f.moderation())).findFirst().orElse(null);
        if (moderation == null) {
            in.add("moderation", "online.error.moderationRequired");
        }
        in.check();
        return new Topic(id, question, description, pictureId, opens, closes, moderation, null);
    }

    private static Topic withPicture(Topic t, Long pictureId) {
        return new Topic(t.id(), t.question(), t.description(), pictureId, t.opensAt(), t.closesAt(), t.moderation(),
                t.createdAt());
    }

    private Long storePicture(Actor actor, OnlineUpload picture) {
        return media.store(actor, organizations.city().id(), "online-topic-picture", Visibility.PUBLIC, picture,
                OnlineMedia.IMAGES, OnlineMedia.IMAGE_MAX_BYTES, "picture").id();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Demo data. */
    @Transactional
    long seed(Topic t, long by) {
        if (repo.anyWithQuestion(t.question())) {
            return -1;
        }
        return repo.insert(t, by, clock.instant());
    }

    /** Demo data: a comment by a public user (sensitive words hold it as any other), not rate-limited. */
    @Transactional
    void seedComment(long topicId, Actor author, String body, Instant at, boolean alreadyApproved) {
        Topic topic = get(topicId);
        List<String> held = sensitiveWords.find(body);
        boolean waits = !held.isEmpty() || (topic.moderation() == TopicModeration.WAIT_FOR_APPROVAL && !alreadyApproved);
        TopicCommentStatus status = waits ? TopicCommentStatus.PENDING : TopicCommentStatus.VISIBLE;
        repo.insertComment(topicId, author.accountId(), author.displayName(), body, status,
                held.isEmpty() ? null : String.join("、", held), at);
    }
}
