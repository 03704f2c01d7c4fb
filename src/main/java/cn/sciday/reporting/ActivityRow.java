package cn.sciday.reporting;

import java.time.Instant;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityStatus;

/**
 * One activity as the reports see it, with its 归口 (the division or department it counts for; itself for their
 * own activities, the city for the city's) and its sign-up figures aggregated in SQL.
 */
record ActivityRow(long id, String name, long organizationId, String organizationName, long bodyId,
        String bodyName, String bodyKind, Integer jointAction, ActivityFormat format, Instant startsAt,
        Instant endsAt, String divisionName, String venue, String onlineUrl, int expected, String summary,
        String contactName, String contactPhone, ActivityStatus status, boolean late, boolean keyActivity,
        long signups, long checkins, String nationalRef, Instant publishedAt, Instant firstSubmittedAt) {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(cn.sciday.campaign.Campaign.ZONE);

    /** Start and end, Beijing time: 2021-09-18 09:30 – 2021-09-18 11:30. */
    public String timeText() {
        return (startsAt == null ? "" : TIME.format(startsAt)) + " – " + (endsAt == null ? "" : TIME.format(endsAt));
    }
}
