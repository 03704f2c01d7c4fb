package cn.sciday.online;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.media.StoredFile;
import cn.sciday.media.Visibility;
import cn.sciday.notification.Notifications;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/**
 * The short-video solicitation ("点亮好奇心"): rounds with their settings, entries by public users and by units
 * (quotas counted under the round's row lock, uploads checked by content, size and MP4 duration), review by the
 * city with the author told, and the public gallery of approved entries.
 */
@Service
public class VideoEntries {

    static final int PAGE_SIZE = 24;
    static final List<String> DEFAULT_CATEGORIES = List.of("科学实验", "科普讲解", "科学家故事", "生态环保",
            "健康生活", "乡村振兴与农业科技");

    private final VideoRepository repo;
    private final OnlineMedia media;
    private final Organizations organizations;
    private final CampaignManagement campaigns;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long serverMaxUploadMb;
    private final LikeCounts likes;

    VideoEntries(VideoRepository repo, OnlineMedia media, Organizations organizations, CampaignManagement campaigns,
            Notifications notifications, ApplicationEventPublisher events, Clock clock,
            @Value("${spring.servlet.multipart.max-file-size:320MB}") DataSize serverMaxUpload, LikeCounts likes) {
        this.likes = likes;
        this.repo = repo;
        this.media = media;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.serverMaxUploadMb = serverMaxUpload.toMegabytes();
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- rounds -------------------------------------------------------------------------------------------------

    /** The current campaign's round that is open now (else the next, else the last one). */
    @Transactional(readOnly = true)
    public Optional<VideoRound> currentRound() {
        return campaigns.current().flatMap(c -> repo.currentRound(c.id(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<VideoRound> rounds() {
        return campaigns.current().map(c -> repo.rounds(c.id())).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public VideoRound round(long id) {
        return repo.findRound(id).orElseThrow(() -> new NotFoundException("video round " + id));
    }

    @Transactional
    public VideoRound createRound(Actor actor, VideoRoundForm form) {
        requireCityAdmin(actor);
        Campaign campaign = campaigns.requireCurrent();
        VideoRound r = validRound(0, campaign.id(), form);
        long id = repo.insertRound(campaign.id(), r, clock.instant());
        events.publishEvent(new AuditEvent("VIDEO_ROUND_CREATED", "VIDEO_ROUND", String.valueOf(id), r.title()));
        return round(id);
    }

    @Transactional
    public VideoRound editRound(Actor actor, long id, VideoRoundForm form) {
        requireCityAdmin(actor);
        VideoRound before = repo.lockRound(id).orElseThrow(() -> new NotFoundException("video round " + id));
        VideoRound r = validRound(id, before.campaignId(), form);
        repo.updateRound(r, clock.instant());
        events.publishEvent(new AuditEvent("VIDEO_ROUND_EDITED", "VIDEO_ROUND", String.valueOf(id), r.title()));
        return round(id);
    }

    private VideoRound validRound(long id, long campaignId, VideoRoundForm f) {
        OnlineInput in = new OnlineInput();
        String title = in.text("title", f.title(), 100, "online.error.roundTitleRequired", "online.label.title");
        Instant opens = in.time("opensAt", f.opensAt(), "online.error.opensAtRequired");
        Instant closes = in.time("closesAt", f.closesAt(), "online.error.deadlineRequired");
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            in.add("closesAt", "online.error.deadlineBeforeStart");
        }
        int mb = in.number("maxUploadMb", f.maxUploadMb(), 1, (int) serverMaxUploadMb, 300, "online.label.maxUploadMb");
        int seconds = in.number("maxDurationSeconds", f.maxDurationSeconds(), 10, 7200, 300,
                "online.label.maxDurationSeconds");
        int perPerson = in.number("entriesPerPerson", f.entriesPerPerson(), 1, 100, 1, "online.label.entriesPerPerson");
        int perUnit = in.number("entriesPerUnit", f.entriesPerUnit(), 1, 1000, 5, "online.label.entriesPerUnit");
        List<String> categories = OnlineMedia.lines(f.categories());
        if (categories.isEmpty()) {
            categories = DEFAULT_CATEGORIES;
        }
        if (categories.size() > 30) {
            in.add("categories", "online.error.tooManyCategories");
        }
        if (categories.stream().anyMatch(c -> OnlineInput.length(c) > 30)) {
            in.add("categories", "online.error.categoryTooLong");
        }
        if (categories.stream().distinct().count() != categories.size()) {
            in.add("categories", "online.error.categoryRepeated");
        }
        in.check();
        return new VideoRound(id, campaignId, title, opens, closes, mb, seconds, perPerson, perUnit, categories);
    }

    // ---- entries ------------------------------------------------------------------------------------------------

    /**
     * A public user's or a unit's entry in the open round: text, a link or an MP4 file, and a cover image. Quotas
     * are counted while the round row is locked, so parallel submissions cannot exceed them.
     */
    @Transactional
    public VideoEntry submit(Actor actor, VideoEntryForm form, OnlineUpload video, OnlineUpload cover) {
        requireEntrant(actor);
        VideoRound open = currentRound().filter(r -> r.isOpen(clock.instant()))
                .orElseThrow(() -> new ConflictException("online.error.noOpenRound"));
        Valid v = validEntry(actor, open, form, video, cover, null);
        VideoRound round = repo.lockRound(open.id()).orElseThrow();
        requireQuota(actor, round);
        Instant now = clock.instant();
        Files files = storeFiles(actor, round, video, cover);
        VideoEntry entry = new VideoEntry(0, round.id(), actor.accountId(), unitOf(actor), v.title, v.description,
                v.authorName, v.unitName, v.category, files.videoId == null ? v.link : null, files.videoId,
                files.coverId, files.seconds, VideoEntryStatus.PENDING, null, 0, now, null);
        long id = repo.insertEntry(entry);
        events.publishEvent(new AuditEvent("VIDEO_ENTRY_SUBMITTED", "VIDEO_ENTRY", String.valueOf(id), v.title));
        return repo.findEntry(id).orElseThrow();
    }

    /** Changes one's own entry while it waits or after it was returned; it goes (back) to review. */
    @Transactional
    public VideoEntry edit(Actor actor, long id, VideoEntryForm form, OnlineUpload video, OnlineUpload cover) {
        VideoEntry entry = own(actor, id);
        if (entry.isApproved()) {
            throw new ConflictException("online.error.entryApproved");
        }
        VideoRound round = repo.lockRound(entry.roundId()).orElseThrow();
        if (!round.isOpen(clock.instant())) {
            throw new ConflictException("online.error.roundClosed", round.closesText());
        }
        Valid v = validEntry(actor, round, form, video, cover, entry);
        if (entry.status() == VideoEntryStatus.REJECTED) {
            requireQuota(actor, round);
        }
        Files files = storeFiles(actor, round, video, cover);
        Long videoId = files.videoId != null ? files.videoId : (v.link == null ? entry.videoMediaId() : null);
        Integer seconds = files.videoId != null ? files.seconds : (v.link == null ? entry.durationSeconds() : null);
        Long coverId = files.coverId != null ? files.coverId : entry.coverMediaId();
        VideoEntry changed = new VideoEntry(id, entry.roundId(), entry.submitterAccountId(), entry.organizationId(),
                v.title, v.description, v.authorName, v.unitName, v.category, videoId == null ? v.link : null,
                videoId, coverId, seconds, VideoEntryStatus.PENDING, null, entry.likeCount(), entry.createdAt(),
                null);
        repo.updateEntry(changed, clock.instant());
        if (entry.videoMediaId() != null && !entry.videoMediaId().equals(videoId)) {
            media.remove(entry.videoMediaId());
        }
        if (entry.coverMediaId() != null && !entry.coverMediaId().equals(coverId)) {
            media.remove(entry.coverMediaId());
        }
        events.publishEvent(new AuditEvent("VIDEO_ENTRY_EDITED", "VIDEO_ENTRY", String.valueOf(id), v.title));
        return repo.findEntry(id).orElseThrow();
    }

    /** The actor's entries (for an organizer also its unit's), newest first. */
    @Transactional(readOnly = true)
    public List<VideoEntry> mine(Actor actor) {
        return repo.entriesOf(actor.accountId(), actor.isOrganizer() ? actor.organizationId() : null);
    }

    /** One of the actor's own entries; another person's is not found (404). */
    @Transactional(readOnly = true)
    public VideoEntry own(Actor actor, long id) {
        return repo.findEntry(id).filter(e -> e.ownedBy(actor))
                .orElseThrow(() -> new NotFoundException("video entry " + id));
    }

    /** An entry the visitor may see: approved ones for everybody, others for their owner and the city only. */
    @Transactional(readOnly = true)
    public VideoEntry visible(Actor actorOrNull, long id) {
        return repo.findEntry(id)
                .filter(e -> e.isApproved() || (actorOrNull != null && (actorOrNull.isCityAdmin()
                        || e.ownedBy(actorOrNull))))
                .map(e -> withCounts(List.of(e)).get(0))
                .orElseThrow(() -> new NotFoundException("video entry " + id));
    }

    @Transactional(readOnly = true)
    public VideoGallery gallery(String category, String sort, int page) {
        VideoRound round = currentRound().orElse(null);
        String s = "likes".equalsIgnoreCase(sort) ? "likes" : "newest";
        String c = category == null || category.isBlank() ? null : category.strip();
        if (round == null) {
            return new VideoGallery(null, List.of(), s, c, 1, 1, 0);
        }
        int total = repo.countApproved(round.id(), c);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.max(1, Math.min(page, pages));
        List<VideoEntry> entries = page(round.id(), c, VideoRepository.Sort.of(s), PAGE_SIZE, (p - 1) * PAGE_SIZE);
        return new VideoGallery(round, entries, s, c, p, pages, total);
    }

    /** Approved entries of the current round for the API, most liked or newest first. */
    @Transactional(readOnly = true)
    public List<VideoEntry> approved(String sort, int limit, int offset) {
        return currentRound().map(r -> page(r.id(), null, VideoRepository.Sort.of(sort),
                Math.max(1, Math.min(limit, 200)), Math.max(0, offset))).orElse(List.of());
    }

    /**
     * A page of approved entries. By likes, the order and the counts come from {@link LikeCounts} (the database,
     * or Redis when configured); newest first, the counts do.
     */
    private List<VideoEntry> page(long roundId, String category, VideoRepository.Sort sort, int limit, int offset) {
        if (sort == VideoRepository.Sort.LIKES) {
            List<Long> ids = likes.ranking(LikeTarget.VIDEO, roundId, category, offset, limit);
            return withCounts(repo.entriesInOrder(ids));
        }
        return withCounts(repo.approved(roundId, category, sort, limit, offset));
    }

    private List<VideoEntry> withCounts(List<VideoEntry> entries) {
        Map<Long, Integer> counts = likes.counts(LikeTarget.VIDEO, entries.stream().map(VideoEntry::id).toList());
        return entries.stream().map(e -> e.withLikeCount(counts.getOrDefault(e.id(), e.likeCount()))).toList();
    }

    // ---- review -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<VideoEntry> forReview(VideoEntryStatus status) {
        return repo.byStatus(status, 500);
    }

    @Transactional(readOnly = true)
    public int pendingCount() {
        return repo.countByStatus(VideoEntryStatus.PENDING);
    }

    @Transactional(readOnly = true)
    public VideoEntry forAdmin(Actor actor, long id) {
        requireCityAdmin(actor);
        return repo.findEntry(id).orElseThrow(() -> new NotFoundException("video entry " + id));
    }

    @Transactional
    public VideoEntry approve(Actor actor, long id) {
        VideoEntry e = forAdmin(actor, id);
        if (!repo.review(id, VideoEntryStatus.APPROVED, null, actor.accountId(), clock.instant())) {
            throw notPending(e);
        }
        notifications.notify(e.submitterAccountId(), "您的短视频作品已通过审核",
                "您投稿的作品《" + e.title() + "》已通过审核，现已在“点亮好奇心”短视频作品展示中展出。",
                "/online/videos/" + id);
        events.publishEvent(new LikeEvents.Changed(LikeTarget.VIDEO, id));
        events.publishEvent(new AuditEvent("VIDEO_ENTRY_APPROVED", "VIDEO_ENTRY", String.valueOf(id), e.title()));
        return repo.findEntry(id).orElseThrow();
    }

    @Transactional
    public VideoEntry reject(Actor actor, long id, String reason) {
        VideoEntry e = forAdmin(actor, id);
        OnlineInput in = new OnlineInput();
        String why = in.text("reason", reason, 300, "online.error.entryReturnReasonRequired", "online.label.reason");
        in.check();
        if (!repo.review(id, VideoEntryStatus.REJECTED, why, actor.accountId(), clock.instant())) {
            throw notPending(e);
        }
        notifications.notify(e.submitterAccountId(), "您的短视频作品未通过审核",
                "您投稿的作品《" + e.title() + "》未通过审核。理由：" + why + "。您可以按理由修改后重新提交。",
                "/my/videos/" + id + "/edit");
        events.publishEvent(new AuditEvent("VIDEO_ENTRY_REJECTED", "VIDEO_ENTRY", String.valueOf(id),
                e.title() + "；理由：" + why));
        return repo.findEntry(id).orElseThrow();
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private record Valid(String title, String description, String authorName, String unitName, String category,
            String link) {
    }

    private record Files(Long videoId, Integer seconds, Long coverId) {
    }

    private Valid validEntry(Actor actor, VideoRound round, VideoEntryForm f, OnlineUpload video, OnlineUpload cover,
            VideoEntry existing) {
        OnlineInput in = new OnlineInput();
        String title = in.text("title", f.title(), 60, "online.error.entryTitleRequired", "online.label.entryTitle");
        String description = in.text("description", f.description(), 1000, null, "online.label.entryDescription");
        String author = in.text("authorName", f.authorName(), 30, "online.error.authorRequired",
                "online.label.authorName");
        String unit = actor.isOrganizer() ? organizations.get(actor.organizationId()).name()
                : in.text("unitName", f.unitName(), 60, null, "online.label.unitName");
        String category = f.category() == null ? "" : f.category().strip();
        if (category.isEmpty()) {
            in.add("category", "online.error.categoryRequired");
        } else if (!round.categories().contains(category)) {
            in.add("category", "online.error.categoryUnknown");
        }
        String link = in.link("link", f.link(), false, null);
        boolean hasVideo = video != null || (existing != null && existing.isUpload());
        if (video != null && link != null) {
            in.add("link", "online.error.linkOrFile");
        } else if (link == null && !hasVideo) {
            in.add("link", "online.error.linkOrFileRequired");
        }
        if (cover == null && (existing == null || !existing.hasCover())) {
            in.add("cover", "online.error.coverRequired");
        }
        in.check();
        return new Valid(title, description, author, unit, category, link);
    }

    private Files storeFiles(Actor actor, VideoRound round, OnlineUpload video, OnlineUpload cover) {
        long owner = actor.isOrganizer() ? actor.organizationId() : organizations.city().id();
        Long coverId = null;
        if (cover != null) {
            coverId = media.store(actor, owner, "online-video-cover", Visibility.SCOPED, cover, OnlineMedia.IMAGES,
                    OnlineMedia.IMAGE_MAX_BYTES, "cover").id();
        }
        if (video == null) {
            return new Files(null, null, coverId);
        }
        StoredFile stored = media.store(actor, owner, "online-video", Visibility.SCOPED, video, OnlineMedia.VIDEOS,
                round.maxUploadBytes(), "video");
        long millis = durationMillis(stored.id());
        long seconds = (millis + 999) / 1000;
        if (millis > round.maxDurationSeconds() * 1000L) {
            throw new InvalidInputException("video", "online.error.videoTooLong",
                    VideoDuration.message(seconds), VideoDuration.message(round.maxDurationSeconds()));
        }
        return new Files(stored.id(), (int) Math.min(Integer.MAX_VALUE, seconds), coverId);
    }

    private long durationMillis(long mediaId) {
        try (InputStream in = media.open(mediaId)) {
            OptionalLong ms = VideoDuration.millis(in);
            if (ms.isEmpty()) {
                throw new InvalidInputException("video",
                        "online.error.videoDurationUnreadable");
            }
            return ms.getAsLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireQuota(Actor actor, VideoRound round) {
        if (actor.isOrganizer()) {
            int used = repo.countByUnit(round.id(), actor.organizationId());
            if (used >= round.entriesPerUnit()) {
                throw new ConflictException("online.error.unitQuota",
                        round.entriesPerUnit(), used);
            }
        } else {
            int used = repo.countByPerson(round.id(), actor.accountId());
            if (used >= round.entriesPerPerson()) {
                throw new ConflictException("online.error.personQuota",
                        round.entriesPerPerson(), used);
            }
        }
    }

    private static Long unitOf(Actor actor) {
        return actor.isOrganizer() ? actor.organizationId() : null;
    }

    private static void requireEntrant(Actor actor) {
        if (!(actor.isPublic() || (actor.isOrganizer() && actor.unitApproved() && actor.organizationId() != null))) {
            throw new ForbiddenException("online.error.entryForbidden");
        }
    }

    static void requireCityAdmin(Actor actor) {
        if (!actor.isCityAdmin()) {
            throw new ForbiddenException("online.error.cityAdminOnly");
        }
    }

    private static ConflictException notPending(VideoEntry e) {
        return new ConflictException(e.status() == VideoEntryStatus.APPROVED ? "online.error.entryReviewedApproved"
                : "online.error.entryReviewedReturned", e.title());
    }

    /** Demo data: an approved link entry, bypassing quotas. */
    @Transactional
    long seedApproved(long roundId, long submitter, Long unitId, String title, String description, String author,
            String unit, String category, String link, Long coverId, Instant at) {
        return repo.insertEntry(new VideoEntry(0, roundId, submitter, unitId, title, description, author, unit,
                category, link, null, coverId, null, VideoEntryStatus.APPROVED, null, 0, at, at));
    }

    /** Demo data: a round with the default settings. */
    @Transactional
    long seedRound(long campaignId, String title, Instant opens, Instant closes) {
        List<String> categories = new ArrayList<>(DEFAULT_CATEGORIES);
        return repo.insertRound(campaignId, new VideoRound(0, campaignId, title, opens, closes, 300, 300, 1, 5,
                categories), clock.instant());
    }
}
