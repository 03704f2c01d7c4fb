package cn.sciday.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Attempts, their frozen questions, the open-attempt guard and participants. */
@Repository
class QuizAttemptRepository {

    private static final String COLUMNS = "id, round_id, account_id, practice, attempt_day, attempt_no, status, "
            + "started_at, deadline_at, submitted_at, late, question_count, correct_count, score, elapsed_millis";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    QuizAttemptRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    // ---- attempts ------------------------------------------------------------------------------------------

    long insert(long roundId, long accountId, boolean practice, LocalDate day, Integer attemptNo, Instant startedAt,
            Instant deadline, int questionCount) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quiz_attempt (round_id, account_id, practice, attempt_day, attempt_no, status, started_at,
                    deadline_at, late, question_count)
                values (?, ?, ?, ?, ?, 'OPEN', ?, ?, false, ?)""")
                .params(roundId, accountId, practice, day, attemptNo, Timestamp.from(startedAt),
                        Timestamp.from(deadline), questionCount)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<QuizAttempt> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from quiz_attempt where id = ?").params(id)
                .query(QuizAttemptRepository::map).optional();
    }

    List<QuizAttempt> findByOwner(long roundId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from quiz_attempt where round_id = ? and account_id = ? order by id desc")
                .params(roundId, accountId).query(QuizAttemptRepository::map).list();
    }

    /** The person's open attempts in the round (one, unless the guard was switched off). */
    List<QuizAttempt> findOpen(long roundId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from quiz_attempt where round_id = ? and account_id = ? and status = 'OPEN' "
                + "order by id").params(roundId, accountId).query(QuizAttemptRepository::map).list();
    }

    int countOfficial(long roundId, long accountId, LocalDate day) {
        return jdbc.sql("select count(*) from quiz_attempt where round_id = ? and account_id = ? and attempt_day = ? "
                + "and practice = false").params(roundId, accountId, day).query(Integer.class).single();
    }

    /** Marks an open attempt submitted; false when it was already submitted (the first submission counts). */
    boolean markSubmitted(long id, Instant at, boolean late, int correct, int score, long elapsedMillis) {
        return jdbc.sql("""
                update quiz_attempt set status = 'SUBMITTED', submitted_at = ?, late = ?, correct_count = ?, score = ?,
                    elapsed_millis = ?
                where id = ? and status = 'OPEN'""")
                .params(Timestamp.from(at), late, correct, score, elapsedMillis, id).update() == 1;
    }

    // ---- frozen questions ----------------------------------------------------------------------------------

    /** Freezes the drawn questions in their order (one batch). */
    void insertQuestions(long attemptId, List<QuizQuestion> drawn) {
        List<Object[]> rows = new ArrayList<>(drawn.size());
        int position = 1;
        for (QuizQuestion q : drawn) {
            rows.add(new Object[] {attemptId, position++, q.id(), q.type().name(), q.correctAnswer()});
        }
        batch.batchUpdate("""
                insert into quiz_attempt_question (attempt_id, position, question_id, question_type, correct_answer)
                values (?, ?, ?, ?, ?)""", rows);
    }

    List<QuizAttemptQuestion> questions(long attemptId) {
        return jdbc.sql("""
                select attempt_id, position, question_id, question_type, correct_answer, chosen, answered_right
                from quiz_attempt_question where attempt_id = ? order by position""")
                .params(attemptId)
                .query((rs, i) -> new QuizAttemptQuestion(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        QuestionType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        (Boolean) rs.getObject(7)))
                .list();
    }

    /** One answer to store: the question's position, the letters chosen (or null), whether they were right. */
    record Answer(int position, String chosen, boolean right) {
    }

    /** Stores the answers of an attempt (one batch). */
    void saveAnswers(long attemptId, List<Answer> answers) {
        List<Object[]> rows = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            rows.add(new Object[] {a.chosen(), a.right(), attemptId, a.position()});
        }
        batch.batchUpdate(
                "update quiz_attempt_question set chosen = ?, answered_right = ? where attempt_id = ? and position = ?",
                rows);
    }

    // ---- the open-attempt guard ------------------------------------------------------------------------------

    /** Fails with a duplicate key when the person already has an open attempt in the round. */
    void insertOpen(long roundId, long accountId, long attemptId) {
        jdbc.sql("insert into quiz_open_attempt (round_id, account_id, attempt_id) values (?, ?, ?)")
                .params(roundId, accountId, attemptId).update();
    }

    void deleteOpen(long attemptId) {
        jdbc.sql("delete from quiz_open_attempt where attempt_id = ?").params(attemptId).update();
    }

    // ---- participants ----------------------------------------------------------------------------------------

    Optional<QuizParticipant> participant(long roundId, long accountId) {
        return jdbc.sql("""
                select round_id, account_id, division_id, display_name, best_attempt_id, best_score, best_millis,
                    best_finished_at
                from quiz_participant where round_id = ? and account_id = ?""")
                .params(roundId, accountId).query(QuizAttemptRepository::participant).optional();
    }

    /** Adds the person to the round unless already there (two first starts at once both succeed). */
    void insertParticipant(long roundId, long accountId, long divisionId, String displayName, Instant now) {
        jdbc.sql("""
                insert into quiz_participant (round_id, account_id, division_id, display_name, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(roundId, accountId, divisionId, displayName, Timestamp.from(now)).update();
    }

    /**
     * Records an official result as the person's best if it beats the best so far: a higher score, or the same
     * score in less time. One statement, so concurrent submissions cannot lose a better result. True when it did.
     */
    boolean offerBest(long roundId, long accountId, long attemptId, int score, long millis, Instant finishedAt) {
        return jdbc.sql("""
                update quiz_participant set best_attempt_id = ?, best_score = ?, best_millis = ?, best_finished_at = ?
                where round_id = ? and account_id = ?
                  and (best_score is null or best_score < ? or (best_score = ? and best_millis > ?)
                       or (best_score = ? and best_millis = ? and best_finished_at > ?))""")
                .params(attemptId, score, millis, Timestamp.from(finishedAt), roundId, accountId, score, score, millis,
                        score, millis, Timestamp.from(finishedAt))
                .update() == 1;
    }

    static QuizParticipant participant(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("best_finished_at");
        return new QuizParticipant(rs.getLong("round_id"), rs.getLong("account_id"), rs.getLong("division_id"),
                rs.getString("display_name"), nullableLong(rs, "best_attempt_id"), nullableInt(rs, "best_score"),
                nullableLong(rs, "best_millis"), finished == null ? null : finished.toInstant());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static QuizAttempt map(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new QuizAttempt(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("account_id"),
                rs.getBoolean("practice"), rs.getObject("attempt_day", LocalDate.class), nullableInt(rs, "attempt_no"),
                rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("deadline_at").toInstant(), submitted == null ? null : submitted.toInstant(),
                rs.getBoolean("late"), rs.getInt("question_count"), nullableInt(rs, "correct_count"),
                nullableInt(rs, "score"),
                nullableLong(rs, "elapsed_millis"));
    }
}
