package cn.sciday.online;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.NotFoundException;

/** Live streams (直播): managed by city admins; the public sees what is live now and what is next (by the clock). */
@Service
public class LiveStreams {

    private final LiveStreamRepository repo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LiveStreams(LiveStreamRepository repo, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.events = events;
        this.clock = clock;
    }

    /** What is on air now (all of it, at most 20) and the next {@code n} streams to start; for the home page. */
    @Transactional(readOnly = true)
    public LiveStreamsNow liveAndNext(int n) {
        Instant now = clock.instant();
        return new LiveStreamsNow(repo.live(now, 20), repo.upcoming(now, Math.max(0, Math.min(n, 50))));
    }

    @Transactional(readOnly = true)
    public List<LiveStream> live() {
        return repo.live(clock.instant(), 50);
    }

    @Transactional(readOnly = true)
    public List<LiveStream> upcoming(int n) {
        return repo.upcoming(clock.instant(), Math.max(1, Math.min(n, 100)));
    }

    @Transactional(readOnly = true)
    public List<LiveStream> all() {
        return repo.all();
    }

    @Transactional(readOnly = true)
    public LiveStream get(long id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("live stream " + id));
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public LiveStream create(Actor actor, LiveStreamForm form) {
        VideoEntries.requireCityAdmin(actor);
        LiveStream s = valid(0, form);
        long id = repo.insert(s, actor.accountId(), clock.instant());
        events.publishEvent(new AuditEvent("LIVE_STREAM_CREATED", "LIVE_STREAM", String.valueOf(id), s.title()));
        events.publishEvent(new LiveStreamsChanged(id));
        return get(id);
    }

    @Transactional
    public LiveStream edit(Actor actor, long id, LiveStreamForm form) {
        VideoEntries.requireCityAdmin(actor);
        get(id);
        LiveStream s = valid(id, form);
        repo.update(s, clock.instant());
        events.publishEvent(new AuditEvent("LIVE_STREAM_EDITED", "LIVE_STREAM", String.valueOf(id), s.title()));
        events.publishEvent(new LiveStreamsChanged(id));
        return get(id);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        VideoEntries.requireCityAdmin(actor);
        LiveStream s = get(id);
        repo.delete(id);
        events.publishEvent(new AuditEvent("LIVE_STREAM_DELETED", "LIVE_STREAM", String.valueOf(id), s.title()));
        events.publishEvent(new LiveStreamsChanged(id));
    }

    private static LiveStream valid(long id, LiveStreamForm f) {
        OnlineInput in = new OnlineInput();
        String title = in.text("title", f.title(), 100, "online.error.streamTitleRequired", "online.label.title");
        String platform = in.text("platform", f.platform(), 30, "online.error.platformRequired",
                "online.label.platform");
        String url = in.link("url", f.url(), true, "请填写直播的网址（https:// 开头）。");
        Instant starts = in.time("startsAt", f.startsAt(), "online.error.opensAtRequired");
        Instant ends = in.time("endsAt", f.endsAt(), "online.error.closesAtRequired");
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            in.add("endsAt", "online.error.endBeforeStart");
        }
        Long activityId = in.wholeNumber("activityId", f.activityId(), "online.label.activityId");
        if (activityId != null && activityId <= 0) {
            in.add("activityId", "online.error.activityIdPositive");
        }
        String description = in.text("description", f.description(), 1000, null, "online.label.summary");
        in.check();
        return new LiveStream(id, title, platform, url, starts, ends, activityId, description);
    }

    /** Demo data, once per title. */
    @Transactional
    void seed(LiveStream s) {
        if (!repo.anyWithTitle(s.title())) {
            repo.insert(s, 0, clock.instant());
        }
    }
}
