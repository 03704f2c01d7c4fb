package cn.sciday.online;

import java.time.Instant;

/** A live stream (直播): where it airs and when, optionally for an activity (its id only). */
public record LiveStream(long id, String title, String platform, String url, Instant startsAt, Instant endsAt,
        Long activityId, String description) {

    public boolean isLive(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public String startsText() {
        return VideoRound.TEXT.format(startsAt);
    }

    public String endsText() {
        return VideoRound.TEXT.format(endsAt);
    }

    /** The end time alone when the stream ends on the day it starts ("11:30"), else the full date and time. */
    public String endsShortText() {
        String starts = startsText();
        String ends = endsText();
        return starts.substring(0, 10).equals(ends.substring(0, 10)) ? ends.substring(11) : ends;
    }
}
