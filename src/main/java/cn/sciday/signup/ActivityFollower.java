package cn.sciday.signup;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityCancelled;
import cn.sciday.activity.ActivityChanged;
import cn.sciday.activity.ActivityPublished;
import cn.sciday.activity.PublicActivity;
import cn.sciday.notification.Notifications;

/**
 * Keeps sign-up in step with activities: publication opens the seats, a change of time, place, format or capacity
 * updates them and tells every registrant (inbox and SMS), a cancellation closes them and tells every registrant.
 */
@Component
class ActivityFollower {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Activities activities;
    private final Registrations registrations;
    private final RegistrationRepository repo;
    private final Notifications notifications;

    ActivityFollower(Activities activities, Registrations registrations, RegistrationRepository repo,
            Notifications notifications) {
        this.activities = activities;
        this.registrations = registrations;
        this.repo = repo;
        this.notifications = notifications;
    }

    @EventListener
    void published(ActivityPublished e) {
        sync(e.activityId(), e.organizationId());
    }

    @EventListener
    void changed(ActivityChanged e) {
        sync(e.activityId(), e.organizationId());
        StringBuilder what = new StringBuilder();
        for (String field : e.fieldsChanged()) {
            if (what.length() > 0) {
                what.append("；");
            }
            what.append(label(field)).append("：").append(e.after().getOrDefault(field, ""));
        }
        String text = "【科普日】您报名的活动“" + e.name() + "”有变更：" + what + "。详情请查看报名页面。";
        for (long account : registrants(e.activityId())) {
            notifications.notifyBySms(account, text);
        }
    }

    @EventListener
    void cancelled(ActivityCancelled e) {
        registrations.closeSlot(e.activityId());
        String text = "【科普日】很抱歉，您报名的活动“" + e.name() + "”已取消。原因：" + e.reason();
        for (long account : registrants(e.activityId())) {
            notifications.notifyBySms(account, text);
        }
    }

    @EventListener
    void promoted(SignupEvents.Promoted e) {
        notifications.notifyBySms(e.accountId(), "【科普日】好消息：您已从候补转为正式报名“" + e.activityName()
                + "”，请按时参加，入场出示电子票。");
    }

    private void sync(long activityId, long organizationId) {
        PublicActivity a = activities.publicGet(activityId);
        boolean open = a.signupOpen() && a.capacity() != null;
        if (!open && registrations.seats(activityId).isEmpty()) {
            return;
        }
        registrations.openSlot(activityId, organizationId, a.name(), a.capacity() == null ? 0 : a.capacity(), false,
                open, instant(a.startsAt()), instant(a.endsAt()));
    }

    private List<Long> registrants(long activityId) {
        return repo.ofActivity(activityId).stream().filter(r -> r.status() != RegistrationStatus.CANCELLED)
                .map(RegistrationRepository.Row::accountId).toList();
    }

    private static java.time.Instant instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    private static String label(String field) {
        return switch (field) {
            case "startsAt" -> "开始时间";
            case "endsAt" -> "结束时间";
            case "format" -> "活动形式";
            case "division" -> "所在市（区）";
            case "venue" -> "活动地点";
            case "onlineUrl" -> "线上网址";
            case "capacity" -> "名额";
            default -> field;
        };
    }
}
