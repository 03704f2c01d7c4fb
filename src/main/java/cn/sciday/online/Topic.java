package cn.sciday.online;

import java.time.Instant;

/** A topic the city puts to the public (话题互动): a question, an optional picture, a period, a moderation mode. */
public record Topic(long id, String question, String description, Long pictureMediaId, Instant opensAt,
        Instant closesAt, TopicModeration moderation, Instant createdAt) {

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(opensAt);
    }

    public String opensText() {
        return VideoRound.TEXT.format(opensAt);
    }

    public String closesText() {
        return VideoRound.TEXT.format(closesAt);
    }
}
