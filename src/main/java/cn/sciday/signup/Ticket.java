package cn.sciday.signup;

import java.time.Instant;

/** A registration as its owner and the organizer see it; the mobile number is masked. */
public record Ticket(long id, long activityId, String activityName, long accountId, RegistrationStatus status,
        String personName, String maskedMobile, boolean idNumberGiven, String code, Instant createdAt,
        Instant checkedInAt, int waitlistPosition, Instant startsAt, Instant endsAt) {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    public boolean checkedIn() {
        return checkedInAt != null;
    }

    /** Start time in Beijing time, for pages. */
    public String startsText() {
        return TIME.format(startsAt);
    }

    /** End time (hours and minutes) in Beijing time, for pages. */
    public String endsText() {
        return TIME.format(endsAt).substring(11);
    }
}
