package cn.sciday.portal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityPage;
import cn.sciday.activity.PublicActivity;
import cn.sciday.activity.PublicSearch;
import cn.sciday.activity.PublicStatistics;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.online.LiveStreams;
import cn.sciday.online.LiveStreamsNow;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Feedback;
import cn.sciday.signup.FeedbackSummary;
import cn.sciday.signup.Feedbacks;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SeatInfo;
import cn.sciday.web.NotFoundException;

/**
 * Everything the public pages read, cached (Spring Cache over Caffeine), so that a burst of readers does not reach
 * the database. Entries live {@code sciday.portal.cache-ttl} (30 s) at most and are evicted at once by
 * {@link PortalCacheEviction} when an activity is published, changed or cancelled, when seats are taken or given
 * back, and when the campaign, an organization or a notice changes. Only the content is cached: things that depend
 * on the visitor (login, language) are added by the pages.
 */
@Service
class PublicCatalog {

    static final String SEARCH = "portal.search";
    static final String IDS = "portal.ids";
    static final String PAGE = "portal.page";
    static final String ACTIVITY = "portal.activity";
    static final String SEATS = "portal.seats";
    static final String OPEN_SEATS = "portal.openSeats";
    static final String STATISTICS = "portal.statistics";
    static final String DAYS = "portal.days";
    static final String FEEDBACK = "portal.feedback";
    static final String CAMPAIGN = "portal.campaign";
    static final String DIVISIONS = "portal.divisions";
    static final String NOTICES = "portal.notices";
    static final String NOTICE = "portal.notice";
    static final String STREAMS = "portal.streams";

    static final List<String> CACHES = List.of(SEARCH, IDS, PAGE, ACTIVITY, SEATS, OPEN_SEATS, STATISTICS, DAYS,
            FEEDBACK, CAMPAIGN, DIVISIONS, NOTICES, NOTICE, STREAMS);

    /** What the activity's readers see of its feedback: the average and the comments not hidden. */
    record Ratings(FeedbackSummary summary, List<Feedback> comments) {
    }

    static long maximumSize(String cache) {
        return switch (cache) {
            case ACTIVITY, SEATS -> 20_000;
            case SEARCH, PAGE, FEEDBACK -> 5_000;
            case IDS, DAYS, NOTICE -> 500;
            default -> 10;
        };
    }

    private final Activities activities;
    private final Registrations registrations;
    private final Feedbacks feedbacks;
    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final Notices notices;
    private final LiveStreams streams;

    PublicCatalog(Activities activities, Registrations registrations, Feedbacks feedbacks,
            CampaignManagement campaigns, Organizations organizations, Notices notices, LiveStreams streams) {
        this.streams = streams;
        this.activities = activities;
        this.registrations = registrations;
        this.feedbacks = feedbacks;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.notices = notices;
    }

    @Cacheable(value = SEARCH, sync = true)
    public ActivityPage<PublicActivity> search(PublicSearch search) {
        return activities.search(search);
    }

    /** Every matching id in start order; callers pass the search with page 0 so that pages share the entry. */
    @Cacheable(value = IDS, sync = true)
    public List<Long> ids(PublicSearch search) {
        return activities.searchIds(search);
    }

    @Cacheable(value = PAGE, sync = true)
    public List<PublicActivity> activities(List<Long> ids) {
        return activities.publicGetAll(ids);
    }

    /** A published or cancelled activity; empty for anything else (also cached, so unknown ids stay cheap). */
    @Cacheable(value = ACTIVITY, sync = true)
    public Optional<PublicActivity> activity(long id) {
        try {
            return Optional.of(activities.publicGet(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Cacheable(value = SEATS, sync = true)
    public Optional<SeatInfo> seats(long activityId) {
        return registrations.seats(activityId);
    }

    /** Seats of the activities that take sign-ups now, by activity id. */
    @Cacheable(value = OPEN_SEATS, sync = true)
    public Map<Long, SeatInfo> openSeats() {
        return registrations.openSeats();
    }

    @Cacheable(value = STATISTICS, sync = true)
    public PublicStatistics statistics() {
        return activities.publicStatistics();
    }

    @Cacheable(value = DAYS, sync = true)
    public Map<LocalDate, Integer> days(YearMonth month) {
        return activities.publicDayCounts(month.atDay(1), month.atEndOfMonth());
    }

    @Cacheable(value = FEEDBACK, sync = true)
    public Ratings ratings(long activityId) {
        return new Ratings(feedbacks.summary(activityId), feedbacks.visible(activityId));
    }

    @Cacheable(value = CAMPAIGN, sync = true)
    public Optional<Campaign> campaign() {
        return campaigns.current();
    }

    @Cacheable(value = DIVISIONS, sync = true)
    public List<OrganizationView> divisions() {
        return organizations.divisions();
    }

    /**
     * The live streams on air and the next {@value HomeController#STREAMS_NEXT}, as of {@code minute} (minutes since the
     * epoch; the caller's now): streams start and end on whole minutes, so one answer serves the whole minute.
     */
    @Cacheable(value = STREAMS, sync = true)
    public LiveStreamsNow streams(long minute) {
        return streams.liveAndNext(HomeController.STREAMS_NEXT);
    }

    /** Published notices, newest first. */
    @Cacheable(value = NOTICES, sync = true)
    public List<NoticeView> notices() {
        return notices.published();
    }

    @Cacheable(value = NOTICE, sync = true)
    public Optional<NoticeView> notice(long id) {
        return notices.findPublished(id);
    }
}
