package cn.sciday.activity;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.sciday.notification.Notifications;
import cn.sciday.web.DemoMode;

/** Tells the people concerned: reviewers of new submissions, units of their results. */
@Component
class ActivityNotifications {

    private final Notifications notifications;
    private final DemoMode demo;

    ActivityNotifications(Notifications notifications, DemoMode demo) {
        this.notifications = notifications;
        this.demo = demo;
    }

    @EventListener
    void submitted(ActivitySubmitted e) {
        if (seeding(e)) {
            return;
        }
        notifications.notifyOrganization(e.reviewerOrganizationId(), "有新的活动待审核：" + e.name(),
                e.actorName() + "提交了活动“" + e.name() + "”" + (e.late() ? "（逾期提交）" : "") + "，请审核。",
                "/activities/manage/" + e.activityId());
    }

    @EventListener
    void endorsed(ActivityEndorsed e) {
        if (seeding(e)) {
            return;
        }
        notifications.notifyOrganization(e.organizationId(), "活动已通过归口单位审核：" + e.name(),
                "“" + e.name() + "”已通过初审，等待市科协审核发布。", "/activities/manage/" + e.activityId());
    }

    @EventListener
    void returned(ActivityReturned e) {
        if (seeding(e)) {
            return;
        }
        notifications.notifyOrganization(e.organizationId(), "活动被退回修改：" + e.name(),
                "“" + e.name() + "”被退回，理由：" + e.reason() + "。请修改后重新提交。",
                "/activities/manage/" + e.activityId());
    }

    @EventListener
    void published(ActivityPublished e) {
        if (seeding(e)) {
            return;
        }
        notifications.notifyOrganization(e.organizationId(), "活动已发布：" + e.name(),
                "“" + e.name() + "”已由市科协审核发布，公众可以查看和报名。", "/activities/manage/" + e.activityId());
    }

    /** Demo data is created by actor 0; nobody needs to be told about it. */
    private boolean seeding(ActivityEvent e) {
        return demo.isOn() && e.actorId() == 0;
    }
}
