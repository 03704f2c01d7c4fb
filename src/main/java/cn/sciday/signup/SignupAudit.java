package cn.sciday.signup;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.sciday.web.AuditEvent;
import cn.sciday.web.AuditWriteNow;

/** Every sign-up change and every sensitive read goes to the audit trail. */
@Component
class SignupAudit {

    private final ApplicationEventPublisher events;

    SignupAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    /**
     * The sign-up is recorded before its seat is taken (and written at once, {@link AuditWriteNow}), so that only the
     * commit follows the seat row's lock; a sign-up that found no seat adds an entry of its own.
     */
    @EventListener
    void on(SignupEvents.Requested e) {
        audit("REGISTERED", "REGISTRATION", e.registrationId(), "activity " + e.activityId());
        events.publishEvent(new AuditWriteNow());
    }

    @EventListener
    void on(SignupEvents.Registered e) {
        if (e.status() == RegistrationStatus.WAITLISTED) {
            audit("REGISTRATION_WAITLISTED", "REGISTRATION", e.registrationId(), "activity " + e.activityId());
        }
    }

    @EventListener
    void on(SignupEvents.Cancelled e) {
        audit("REGISTRATION_CANCELLED", "REGISTRATION", e.registrationId(), "activity " + e.activityId());
    }

    @EventListener
    void on(SignupEvents.Promoted e) {
        audit("WAITLIST_PROMOTED", "REGISTRATION", e.registrationId(), "activity " + e.activityId());
    }

    @EventListener
    void on(SignupEvents.CheckedIn e) {
        audit("CHECKED_IN", "REGISTRATION", e.registrationId(), "activity " + e.activityId());
    }

    @EventListener
    void on(SignupEvents.MobileRevealed e) {
        audit("REGISTRANT_PHONE_VIEWED", "REGISTRATION", e.registrationId(), "activity " + e.activityId());
    }

    @EventListener
    void on(SignupEvents.ListExported e) {
        audit("REGISTRATIONS_EXPORTED", "ACTIVITY", e.activityId(), e.rows() + " rows");
    }

    @EventListener
    void on(Feedbacks.CommentHidden e) {
        audit("FEEDBACK_HIDDEN", "FEEDBACK", e.feedbackId(), e.reason());
    }

    private void audit(String action, String type, long id, String detail) {
        events.publishEvent(new AuditEvent(action, type, String.valueOf(id), detail));
    }
}
