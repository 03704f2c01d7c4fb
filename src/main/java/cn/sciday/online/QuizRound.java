package cn.sciday.online;

import java.time.Instant;

/**
 * A quiz round of a campaign: when it is open and the rules of an attempt. The time limit of an attempt is the
 * total limit or the per-question seconds times the questions, whichever is shorter.
 */
record QuizRound(long id, long campaignId, String title, Instant opensAt, Instant closesAt, int trueFalseCount,
        int singleCount, int multipleCount, int pointsPerQuestion, int secondsPerQuestion, int totalSeconds,
        int attemptsPerDay, boolean practiceEnabled, int leaderboardSize, int version) {

    /** Answers that arrive this long after the limit still count (network delay). */
    static final int GRACE_SECONDS = 5;
    /** The longest total time a round may give an attempt (two hours). */
    static final int MAX_TOTAL_SECONDS = 7200;

    public enum Status { UPCOMING, OPEN, CLOSED }

    public int questionCount() {
        return trueFalseCount + singleCount + multipleCount;
    }

    public int count(QuestionType type) {
        return switch (type) {
            case TRUE_FALSE -> trueFalseCount;
            case SINGLE -> singleCount;
            case MULTIPLE -> multipleCount;
        };
    }

    public int limitSeconds() {
        return Math.min(totalSeconds, secondsPerQuestion * questionCount());
    }

    public int maxScore() {
        return pointsPerQuestion * questionCount();
    }

    public Status status(Instant now) {
        if (now.isBefore(opensAt)) {
            return Status.UPCOMING;
        }
        return now.isBefore(closesAt) ? Status.OPEN : Status.CLOSED;
    }

    public boolean isOpen(Instant now) {
        return status(now) == Status.OPEN;
    }
}
