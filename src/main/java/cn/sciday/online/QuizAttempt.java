package cn.sciday.online;

import java.time.Instant;
import java.time.LocalDate;

/** One attempt at a round: started and timed by the server, with its questions frozen in {@code quiz_attempt_question}. */
record QuizAttempt(long id, long roundId, long accountId, boolean practice, LocalDate attemptDay, Integer attemptNo,
        String status, Instant startedAt, Instant deadlineAt, Instant submittedAt, boolean late, int questionCount,
        Integer correctCount, Integer score, Long elapsedMillis) {

    static final String OPEN = "OPEN";
    static final String SUBMITTED = "SUBMITTED";

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** Whether answers arriving now are too late: after the deadline plus the grace. */
    boolean expiredAt(Instant now) {
        return now.isAfter(deadlineAt.plusSeconds(QuizRound.GRACE_SECONDS));
    }
}
