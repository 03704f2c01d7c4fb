package cn.sciday.signup;

import java.time.Instant;

/** A registration as its owner and the organizer see it; the mobile number is masked. */
public record Ticket(long id, long activityId, String activityName, long accountId, RegistrationStatus status,
        String personName, String maskedMobile, boolean idNumberGiven, String code, Instant createdAt,
        Instant checkedInAt, int waitlistPosition, Instant startsAt, Instant endsAt) {

    public boolean checkedIn() {
        return checkedInAt != null;
    }
}
