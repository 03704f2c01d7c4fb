package cn.sciday.activity;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.sciday.notification.Notifications;
import cn.sciday.web.DemoMode;

/**
 * Tells the 归口 (or the city) when an organization submits a summary, and the organization when it is accepted.
 * In the caller's transaction (the outbox is written with the change).
 */
@Component
class SummaryNotifications {

    private final Notifications notifications;
    private final ActivityMessages messages;
    private final DemoMode demo;

    SummaryNotifications(Notifications notifications, ActivityMessages messages, DemoMode demo) {
        this.notifications = notifications;
        this.messages = messages;
        this.demo = demo;
    }

    @EventListener
    void submitted(SummarySubmitted e) {
        if (seeding(e.actorId())) {
            return;
        }
        String kind = messages.chinese("completion.summary.kind." + e.kind());
        notifications.notifyOrganization(e.reviewerOrganizationId(),
                messages.chinese(e.resubmission() ? "completion.notify.resubmitted.subject"
                        : "completion.notify.submitted.subject", e.organizationName(), kind),
                messages.chinese("completion.notify.submitted.body", e.actorName(), e.organizationName(), kind,
                        e.late() ? messages.chinese("completion.notify.late") : ""),
                "/summaries/" + e.summaryId());
    }

    @EventListener
    void accepted(SummaryAccepted e) {
        if (seeding(e.actorId())) {
            return;
        }
        String kind = messages.chinese("completion.summary.kind." + e.kind());
        notifications.notifyOrganization(e.organizationId(),
                messages.chinese("completion.notify.accepted.subject", kind),
                messages.chinese("completion.notify.accepted.body", e.actorName(), kind), "/summaries/" + e.summaryId());
    }

    /** Demo data is made by actor 0; nobody needs to be told about it. */
    private boolean seeding(long actorId) {
        return demo.isOn() && actorId == 0;
    }
}
