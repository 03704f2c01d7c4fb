package cn.sciday.signup;

/** Events of the sign-up module, for notifications and the audit trail. */
public final class SignupEvents {

    private SignupEvents() {
    }

    /** Someone asked for a place (published before the seat is taken; {@link Registered} follows with the outcome). */
    public record Requested(long registrationId, long activityId, long accountId) {
    }

    /** Someone signed up: {@code status} says whether they got a seat or a place on the waitlist. */
    public record Registered(long registrationId, long activityId, long accountId, RegistrationStatus status) {
    }

    /** A registration was cancelled by its owner. */
    public record Cancelled(long registrationId, long activityId, long accountId) {
    }

    /** A waiting person got the seat someone gave up. */
    public record Promoted(long registrationId, long activityId, long accountId, String activityName) {
    }

    /** Staff opened a registrant's full mobile number (a sensitive read, audited). */
    public record MobileRevealed(long registrationId, long activityId, long byAccountId) {
    }

    /** Staff exported an activity's registration list (personal data, audited). */
    public record ListExported(long activityId, long byAccountId, int rows) {
    }

    /** A ticket was checked in at the door. */
    public record CheckedIn(long registrationId, long activityId, long byAccountId) {
    }
}
