package cn.sciday.online;

/**
 * The round form as typed (times as {@code yyyy-MM-ddTHH:mm} Beijing time, numbers as text) so that every mistake
 * gets a Chinese message rather than a binding error. An unticked practice box is not sent at all: null is no.
 */
record QuizRoundForm(String title, String opensAt, String closesAt, String trueFalseCount, String singleCount,
        String multipleCount, String pointsPerQuestion, String secondsPerQuestion, String totalSeconds,
        String attemptsPerDay, Boolean practiceEnabled, String leaderboardSize, Integer version) {

    /** The defaults of a new round: 20 questions (7 true/false, 7 single, 6 multiple), 5 points, 30 s, 10 min. */
    static QuizRoundForm defaults(String title, String opensAt, String closesAt) {
        return new QuizRoundForm(title, opensAt, closesAt, "7", "7", "6", "5", "30", "600", "1", false, "50", null);
    }

    /** The same form with practice mode on. */
    QuizRoundForm withPractice() {
        return new QuizRoundForm(title, opensAt, closesAt, trueFalseCount, singleCount, multipleCount,
                pointsPerQuestion, secondsPerQuestion, totalSeconds, attemptsPerDay, true, leaderboardSize, version);
    }
}
