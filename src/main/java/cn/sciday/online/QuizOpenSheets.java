package cn.sciday.online;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The sheets of attempts this instance started, kept until they are submitted, so that a submission needs no read of
 * the attempt and its 20 frozen questions: what a sheet holds (the questions, their order and correct answers, the
 * deadline, the participant's division and name) does not change while the attempt is open. Whether it is still
 * open is not taken from here: the submission's statement decides that in the database, and an attempt closed
 * meanwhile (submitted twice, or closed as expired) is read back from the database. A submission that reaches another
 * instance, or comes after this one restarted, reads the sheet from the database as before.
 * <p>
 * At most {@value #MAX_SHEETS} sheets (about 1.5 KB each), none longer than the longest time limit a round can have
 * plus the grace.
 */
@Component
class QuizOpenSheets {

    static final int MAX_SHEETS = 50_000;

    private final Cache<Long, QuizAttemptRepository.Sheet> sheets = Caffeine.newBuilder().maximumSize(MAX_SHEETS)
            .expireAfterWrite(Duration.ofSeconds(QuizRound.MAX_TOTAL_SECONDS + QuizRound.GRACE_SECONDS)).build();

    void started(QuizAttemptRepository.Sheet sheet) {
        sheets.put(sheet.attempt().id(), sheet);
    }

    /** The sheet of an attempt started here, if it is the person's own. */
    Optional<QuizAttemptRepository.Sheet> opened(long attemptId, long accountId) {
        return Optional.ofNullable(sheets.getIfPresent(attemptId))
                .filter(s -> s.attempt().accountId() == accountId);
    }

    void finished(long attemptId) {
        sheets.invalidate(attemptId);
    }
}
