package cn.sciday.online;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.Campaign;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.PersonalData;

/**
 * Likes for short videos and science volunteers. Only verified public users like; each may like an entry once per
 * Beijing day (the database's UNIQUE constraint decides, also under concurrency); attempts are rate-limited per
 * person and per client address; likes that look scripted are flagged for the city to review, and voided likes stop
 * counting. The counter on the target changes in the same transaction as the like rows, so it always equals the
 * number of likes that are not voided. Counts are read through {@link LikeCounts} (the database, or Redis counters
 * kept after each commit when Redis is configured).
 */
@Service
public class Likes {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration REGULAR_SPAN = Duration.ofMinutes(30);

    private final LikeRepository repo;
    private final LikeCounts counts;
    private final LikeRateLimiter limiter;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int perPerson;
    private final int perAddress;
    private final int burstAccounts;
    private final int regularIntervals;
    private final Duration regularTolerance;

    Likes(LikeRepository repo, LikeCounts counts, LikeRateLimiter limiter, PersonalData personalData,
            ApplicationEventPublisher events, Clock clock,
            @Value("${sciday.online.likes.per-person-per-minute:30}") int perPerson,
            @Value("${sciday.online.likes.per-address-per-minute:120}") int perAddress,
            @Value("${sciday.online.likes.burst-accounts-per-address:5}") int burstAccounts,
            @Value("${sciday.online.likes.regular-intervals:5}") int regularIntervals,
            @Value("${sciday.online.likes.regular-tolerance:PT0.2S}") Duration regularTolerance) {
        this.repo = repo;
        this.counts = counts;
        this.limiter = limiter;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
        this.perPerson = perPerson;
        this.perAddress = perAddress;
        this.burstAccounts = burstAccounts;
        this.regularIntervals = regularIntervals;
        this.regularTolerance = regularTolerance;
    }

    /**
     * Likes an approved entry for today (Beijing time). 403 for staff, 404 for an entry that is not shown, 409 for
     * the second like of the day, 429 with Retry-After when the person or the address likes too often.
     */
    @Transactional
    public LikeResult like(Actor actor, LikeTarget target, long targetId, String clientAddress) {
        if (!actor.isPublic()) {
            throw new ForbiddenException("online.error.likeCitizensOnly");
        }
        Instant now = clock.instant();
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
        String addressHash = personalData.hash("like-address:" + address);
        limiter.check("like-person:" + actor.accountId(), perPerson, MINUTE, "online.rate.likePerson");
        limiter.check("like-address:" + addressHash, perAddress, MINUTE, "online.rate.likeAddress");
        if (!repo.targetApproved(target, targetId)) {
            throw new NotFoundException(target + " " + targetId);
        }
        LocalDate day = LocalDate.ofInstant(now, Campaign.ZONE);
        if (repo.exists(target, targetId, actor.accountId(), day)) {
            throw twice(target);
        }
        try {
            repo.insert(target, targetId, actor.accountId(), day, now, addressHash, mask(address));
        } catch (DuplicateKeyException e) {
            throw twice(target);
        }
        flagIfScripted(target, targetId, actor.accountId(), addressHash, now);
        // last: the target's row stays locked only from here to the commit
        repo.addToCount(target, targetId, 1);
        events.publishEvent(new LikeEvents.Counted(target, targetId));
        return new LikeResult(target, targetId, repo.counter(target, targetId));
    }

    /** Whether the actor has liked the entry today (to show the button as done). */
    @Transactional(readOnly = true)
    public boolean likedToday(Actor actorOrNull, LikeTarget target, long targetId) {
        return actorOrNull != null && actorOrNull.isPublic() && repo.exists(target, targetId,
                actorOrNull.accountId(), LocalDate.ofInstant(clock.instant(), Campaign.ZONE));
    }

    /** The target's like count: from the database, or from Redis when it is configured. */
    public int count(LikeTarget target, long targetId) {
        return counts.count(target, targetId);
    }

    // ---- review of flagged likes ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<LikeFlag> openFlags(int limit) {
        return repo.openFlags(Math.max(1, Math.min(limit, 1000))).stream()
                .map(r -> new LikeFlag(r.id(), r.target(), r.targetId(),
                        repo.targetTitle(r.target(), r.targetId()).orElse("#" + r.targetId()), r.accountId(),
                        r.addressMasked(), r.createdAt(), r.flagReason()))
                .toList();
    }

    @Transactional(readOnly = true)
    public int openFlagCount() {
        return repo.countOpenFlags();
    }

    /** Voids a like: it stops counting (the counter goes down with it); the day's slot stays used. */
    @Transactional
    public LikeResult voidLike(Actor admin, long likeId) {
        VideoEntries.requireCityAdmin(admin);
        LikeRepository.Row like = repo.lock(likeId).orElseThrow(() -> new NotFoundException("like " + likeId));
        if (like.voided()) {
            throw new ConflictException("online.error.likeAlreadyVoided");
        }
        repo.markVoided(likeId, admin.accountId(), clock.instant());
        repo.addToCount(like.target(), like.targetId(), -1);
        events.publishEvent(new LikeEvents.Changed(like.target(), like.targetId()));
        events.publishEvent(new AuditEvent("LIKE_VOIDED", "LIKE", String.valueOf(likeId),
                like.target() + " #" + like.targetId() + "；账号 #" + like.accountId() + "；" + like.flagReason()));
        return new LikeResult(like.target(), like.targetId(), repo.counter(like.target(), like.targetId()));
    }

    /** Keeps a flagged like: it was looked at and counts on. */
    @Transactional
    public void keep(Actor admin, long likeId) {
        VideoEntries.requireCityAdmin(admin);
        LikeRepository.Row like = repo.lock(likeId).orElseThrow(() -> new NotFoundException("like " + likeId));
        if (like.voided()) {
            throw new ConflictException("online.error.likeAlreadyVoided");
        }
        repo.markKept(likeId, admin.accountId(), clock.instant());
        events.publishEvent(new AuditEvent("LIKE_KEPT", "LIKE", String.valueOf(likeId),
                like.target() + " #" + like.targetId() + "；" + like.flagReason()));
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private void flagIfScripted(LikeTarget target, long targetId, long accountId, String addressHash, Instant now) {
        Instant since = now.minus(MINUTE);
        int accounts = repo.distinctAccountsFromAddress(target, targetId, addressHash, since);
        if (accounts > burstAccounts) {
            repo.flagAddressBurst(target, targetId, addressHash, since,
                    "一分钟内同一网络地址用 " + accounts + " 个不同账号为同一" + target.label() + "点赞");
        }
        List<LikeRepository.Stamp> mine = repo.recentByAccount(accountId, regularIntervals + 1);
        List<Instant> times = mine.stream().map(LikeRepository.Stamp::at).toList();
        if (LikeBurstDetector.regular(times, regularIntervals, regularTolerance, REGULAR_SPAN)) {
            repo.flag(mine.stream().map(LikeRepository.Stamp::id).toList(), "同一账号连续 " + (regularIntervals + 1)
                    + " 次点赞的间隔几乎相同（约 " + LikeBurstDetector.meanGapText(times, regularIntervals) + " 秒），疑似程序操作");
        }
        List<LikeRepository.Stamp> fromAddress = repo.recentFromAddress(target, targetId, addressHash,
                regularIntervals + 1);
        List<Instant> addressTimes = fromAddress.stream().map(LikeRepository.Stamp::at).toList();
        if (LikeBurstDetector.regular(addressTimes, regularIntervals, regularTolerance, REGULAR_SPAN)) {
            repo.flag(fromAddress.stream().map(LikeRepository.Stamp::id).toList(), "同一网络地址为同一" + target.label()
                    + "连续 " + (regularIntervals + 1) + " 次点赞的间隔几乎相同（约 "
                    + LikeBurstDetector.meanGapText(addressTimes, regularIntervals) + " 秒），疑似程序操作");
        }
    }

    private static ConflictException twice(LikeTarget target) {
        return new ConflictException(target == LikeTarget.VIDEO ? "online.error.likedVideoToday"
                : "online.error.likedVolunteerToday");
    }

    /** 203.0.113.* / 2001:db8:1:* : enough for a reviewer to see that likes share a network, not who it is. */
    static String mask(String address) {
        if (address.contains(":")) {
            String[] groups = address.split(":");
            return String.join(":", java.util.Arrays.copyOf(groups, Math.min(3, groups.length))) + ":*";
        }
        int dot = address.lastIndexOf('.');
        return dot > 0 ? address.substring(0, dot) + ".*" : "*";
    }

    /** Demo data: a like on an earlier day, counted like any other. */
    @Transactional
    void seed(LikeTarget target, long targetId, long accountId, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, Campaign.ZONE);
        if (!repo.exists(target, targetId, accountId, day)) {
            repo.insert(target, targetId, accountId, day, at, personalData.hash("like-address:demo"), "demo");
            repo.addToCount(target, targetId, 1);
            events.publishEvent(new LikeEvents.Counted(target, targetId));
        }
    }

    /** For the negative control of the concurrency test only. */
    LikeRepository repository() {
        return repo;
    }
}
