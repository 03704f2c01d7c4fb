package cn.sciday.portal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.sciday.activity.ActivityCancelled;
import cn.sciday.activity.ActivityChanged;
import cn.sciday.activity.ActivityEvent;
import cn.sciday.activity.ActivityPublished;
import cn.sciday.campaign.CampaignChanged;
import cn.sciday.online.LiveStreamsChanged;
import cn.sciday.organization.OrganizationChanged;
import cn.sciday.platform.CacheBus;
import cn.sciday.signup.Feedbacks;
import cn.sciday.signup.SignupEvents;

/**
 * Evicts what the public pages cached as soon as the change is committed (so that no reader can put back the state
 * before it), or at once when the change ran outside a transaction. Only events that change what the public sees
 * evict: an activity becoming public, changing or being cancelled; seats taken or given back; a comment hidden; the
 * campaign, an organization or a notice changed. Each of them also clears the rendered pages ({@link PageCache}).
 * Eviction goes through the platform {@link CacheBus}, so every
 * instance drops the entry, not only the one that made the change.
 */
@Component
class PortalCacheEviction {

    private final CacheBus caches;

    PortalCacheEviction(CacheBus caches) {
        this.caches = caches;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ActivityEvent e) {
        if (e instanceof ActivityPublished || e instanceof ActivityChanged || e instanceof ActivityCancelled) {
            evict(PublicCatalog.ACTIVITY, e.activityId());
            evict(PublicCatalog.SEATS, e.activityId());
            clear(PublicCatalog.SEARCH, PublicCatalog.IDS, PublicCatalog.PAGE, PublicCatalog.OPEN_SEATS,
                    PublicCatalog.STATISTICS, PublicCatalog.DAYS);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SignupEvents.Registered e) {
        seatsChanged(e.activityId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SignupEvents.Cancelled e) {
        seatsChanged(e.activityId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SignupEvents.Promoted e) {
        seatsChanged(e.activityId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(Feedbacks.CommentHidden e) {
        evict(PublicCatalog.FEEDBACK, e.activityId());
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CampaignChanged e) {
        clearAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrganizationChanged e) {
        clearAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(NoticeChanged e) {
        evict(PublicCatalog.NOTICE, e.noticeId());
        clear(PublicCatalog.NOTICES);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LiveStreamsChanged e) {
        clear(PublicCatalog.STREAMS);
    }

    private void seatsChanged(long activityId) {
        evict(PublicCatalog.SEATS, activityId);
        clear(PublicCatalog.OPEN_SEATS);
    }

    private void clearAll() {
        clear(PublicCatalog.CACHES.toArray(String[]::new));
    }

    private void evict(String name, Object key) {
        caches.evict(name, key);
    }

    /** Clears the named data caches and, since pages are made of them, the rendered pages. */
    private void clear(String... names) {
        for (String name : names) {
            caches.clear(name);
        }
        caches.clear(PageCache.NAME);
    }
}
