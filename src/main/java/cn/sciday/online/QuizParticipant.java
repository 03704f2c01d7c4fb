package cn.sciday.online;

import java.time.Instant;

/** A person in a round: the division chosen, the masked name shown, and the best official result so far. */
record QuizParticipant(long roundId, long accountId, long divisionId, String displayName, Long bestAttemptId,
        Integer bestScore, Long bestMillis, Instant bestFinishedAt) {
}
