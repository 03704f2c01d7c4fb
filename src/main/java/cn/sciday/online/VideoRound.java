package cn.sciday.online;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.sciday.campaign.Campaign;

/** A round of the short-video solicitation with its settings: period, size and duration limits, quotas, categories. */
public record VideoRound(long id, long campaignId, String title, Instant opensAt, Instant closesAt, int maxUploadMb,
        int maxDurationSeconds, int entriesPerPerson, int entriesPerUnit, List<String> categories) {

    static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Campaign.ZONE);
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(Campaign.ZONE);

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean notYetOpen(Instant now) {
        return now.isBefore(opensAt);
    }

    public long maxUploadBytes() {
        return maxUploadMb * 1024L * 1024L;
    }

    public String opensText() {
        return TEXT.format(opensAt);
    }

    public String closesText() {
        return TEXT.format(closesAt);
    }

    public String maxDurationText() {
        return VideoDuration.text(maxDurationSeconds);
    }
}
