package cn.sciday.online;

import java.time.Instant;
import java.util.List;

/**
 * An open attempt as the person sees it: the questions and options, never the correct answers or explanations.
 * This is what the page and the API show before the attempt is submitted.
 */
record QuizPaper(String status, long attemptId, long roundId, String roundTitle, boolean practice, Instant startedAt,
        Instant deadline, long secondsLeft, int limitSeconds, int pointsPerQuestion, List<Question> questions) {

    /** A question without its answer. */
    record Question(long id, int number, QuestionType type, String stem, List<QuizOption> options) {

        /** The form field of this question on the page. */
        public String field() {
            return "q" + id;
        }
    }
}
