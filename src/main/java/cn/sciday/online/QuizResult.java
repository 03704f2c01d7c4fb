package cn.sciday.online;

import java.time.Instant;
import java.util.List;

/** A submitted attempt: the score, the time taken, and each question with the chosen and correct answers. */
record QuizResult(String status, long attemptId, long roundId, String roundTitle, boolean practice, boolean late, int score,
        int maxScore, int correctCount, int questionCount, long elapsedMillis, Instant startedAt,
        Instant submittedAt, List<Question> questions) {

    /** A question with the answer given, the correct answer and the explanation. */
    record Question(long id, int number, QuestionType type, String stem, List<QuizOption> options, String chosen,
            String chosenText, String correctAnswer, String correctAnswerText, boolean answeredRight,
            String explanation) {
    }

    /** The time taken in seconds, with one decimal, as pages show it. */
    public String elapsedSeconds() {
        return String.format(java.util.Locale.ROOT, "%.1f", elapsedMillis / 1000.0);
    }
}
