package cn.sciday.online;

/** The city admin's form for a live stream; times as typed (Beijing time). */
public record LiveStreamForm(String title, String platform, String url, String startsAt, String endsAt,
        String activityId, String description) {

    static LiveStreamForm empty() {
        return new LiveStreamForm("", "", "", "", "", null, "");
    }

    static LiveStreamForm of(LiveStream s) {
        return new LiveStreamForm(s.title(), s.platform(), s.url(), VideoRound.INPUT.format(s.startsAt()),
                VideoRound.INPUT.format(s.endsAt()), s.activityId() == null ? "" : String.valueOf(s.activityId()),
                s.description());
    }
}
