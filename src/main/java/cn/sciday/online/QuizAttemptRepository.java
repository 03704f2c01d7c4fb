package cn.sciday.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Attempts, their frozen questions, the open-attempt guard and participants. */
@Repository
class QuizAttemptRepository {

    private static final String COLUMNS = "id, round_id, account_id, practice, attempt_day, attempt_no, status, "
            + "started_at, deadline_at, submitted_at, late, question_count, correct_count, score, elapsed_millis";
    /** The same columns of {@code quiz_attempt a}, for joins. */
    private static final String A_COLUMNS = "a." + COLUMNS.replace(", ", ", a.");

    private final JdbcClient jdbc;
    /** On PostgreSQL a submission is one statement ({@link #submit}); elsewhere (H2) four. */
    private final boolean postgres;

    QuizAttemptRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    java.sql.DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }

    // ---- attempts ------------------------------------------------------------------------------------------

    /**
     * A new open attempt: its round, person, whether practice, day and number among the day's official ones, start,
     * deadline and drawn questions in their order; {@code guarded}: whether the open-attempt guard is written;
     * {@code joining}: the person's division and name on the board when this start adds them to the round, else null.
     */
    record NewAttempt(long roundId, long accountId, boolean practice, LocalDate day, Integer attemptNo,
            Instant startedAt, Instant deadline, List<QuizQuestion> questions, boolean guarded, Joining joining) {
    }

    /** Who joins a round with a start: the division they chose and their name on the board. */
    record Joining(long divisionId, String displayName) {
    }

    /**
     * Writes a new attempt: joins the person to the round if asked, inserts the attempt, its open-attempt guard and its
     * frozen questions; returns its id. On PostgreSQL one statement (one round trip instead of four), elsewhere four;
     * the caller's transaction holds them together. A second open attempt of the person fails on the guard
     * ({@link org.springframework.dao.DuplicateKeyException}).
     */
    long open(NewAttempt n) {
        if (!postgres) {
            if (n.joining() != null) {
                insertParticipant(n.roundId(), n.accountId(), n.joining().divisionId(), n.joining().displayName(),
                        n.startedAt());
            }
            long id = insert(n);
            if (n.guarded()) {
                insertOpen(n.roundId(), n.accountId(), id);
            }
            insertQuestions(id, n.questions());
            return id;
        }
        List<Object> params = new ArrayList<>();
        String join = "";
        if (n.joining() != null) {
            join = """
                    , joined as (
                        insert into quiz_participant (round_id, account_id, division_id, display_name, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing)""";
            params.addAll(Arrays.asList(n.roundId(), n.accountId(), n.joining().divisionId(), n.joining().displayName(),
                    Timestamp.from(n.startedAt())));
        }
        StringBuilder rows = new StringBuilder();
        List<Object> rowParams = new ArrayList<>();
        int position = 1;
        for (QuizQuestion q : n.questions()) {
            rows.append(rows.isEmpty() ? "" : ", ")
                    .append("(cast(? as integer), cast(? as bigint), cast(? as varchar), cast(? as varchar))");
            rowParams.addAll(List.of(position++, q.id(), q.type().name(), q.correctAnswer()));
        }
        String questions = rows.isEmpty() ? "" : """
                , frozen as (
                    insert into quiz_attempt_question (attempt_id, position, question_id, question_type, correct_answer)
                    select a.id, v.position, v.question_id, v.question_type, v.correct_answer
                    from a, (values %s) as v (position, question_id, question_type, correct_answer))""".formatted(rows);
        List<Object> all = new ArrayList<>(Arrays.asList(n.roundId(), n.accountId(), n.practice(), n.day(),
                n.attemptNo(), Timestamp.from(n.startedAt()), Timestamp.from(n.deadline()), n.questions().size()));
        all.addAll(params);
        all.addAll(List.of(n.roundId(), n.accountId(), n.guarded()));
        all.addAll(rowParams);
        return jdbc.sql("""
                with a as (
                    insert into quiz_attempt (round_id, account_id, practice, attempt_day, attempt_no, status,
                        started_at, deadline_at, late, question_count)
                    values (?, ?, ?, ?, ?, 'OPEN', ?, ?, false, ?)
                    returning id)""" + join + """
                , guard as (
                    insert into quiz_open_attempt (round_id, account_id, attempt_id) select ?, ?, id from a where ?)"""
                + questions + """
                select id from a""")
                .params(all).query(Long.class).single();
    }

    private long insert(NewAttempt n) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quiz_attempt (round_id, account_id, practice, attempt_day, attempt_no, status, started_at,
                    deadline_at, late, question_count)
                values (?, ?, ?, ?, ?, 'OPEN', ?, ?, false, ?)""")
                .params(n.roundId(), n.accountId(), n.practice(), n.day(), n.attemptNo(),
                        Timestamp.from(n.startedAt()), Timestamp.from(n.deadline()), n.questions().size())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<QuizAttempt> findByOwner(long roundId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from quiz_attempt where round_id = ? and account_id = ? order by id desc")
                .params(roundId, accountId).query(QuizAttemptRepository::map).list();
    }

    /**
     * Where a person stands in a round before starting, in one query: whether (and in which division, under which
     * name) they take part, their open attempts (one, unless the guard was switched off) and how many official
     * attempts they started on {@code day}.
     */
    record Standing(Long divisionId, String displayName, List<QuizAttempt> open, int officialToday) {
    }

    Standing standing(long roundId, long accountId, LocalDate day) {
        Long[] division = {null};
        String[] name = {null};
        List<QuizAttempt> open = new ArrayList<>();
        int[] today = {0};
        jdbc.sql("select p.division_id, p.display_name, " + A_COLUMNS + """
                 from (select 1 as one) x
                left join quiz_participant p on p.round_id = ? and p.account_id = ?
                left join quiz_attempt a on a.round_id = ? and a.account_id = ?
                    and (a.status = 'OPEN' or (a.attempt_day = ? and a.practice = false))
                order by a.id""")
                .params(roundId, accountId, roundId, accountId, day)
                .query(rs -> {
                    division[0] = nullableLong(rs, "division_id");
                    name[0] = rs.getString("display_name");
                    if (rs.getObject("id") == null) {
                        return;
                    }
                    QuizAttempt a = map(rs, 0);
                    if (a.isOpen()) {
                        open.add(a);
                    }
                    if (!a.practice() && day.equals(a.attemptDay())) {
                        today[0]++;
                    }
                });
        return new Standing(division[0], name[0], open, today[0]);
    }

    /**
     * An attempt with its frozen questions (in order, with the answers given once submitted) and its participant's
     * division and leaderboard name.
     */
    record Sheet(QuizAttempt attempt, List<QuizAttemptQuestion> questions, long divisionId, String displayName) {

        List<Long> questionIds() {
            return questions.stream().map(QuizAttemptQuestion::questionId).toList();
        }
    }

    /** The attempt with its questions and participant, in one query. */
    Optional<Sheet> sheet(long id) {
        QuizAttempt[] attempt = {null};
        long[] division = {0};
        String[] name = {null};
        List<QuizAttemptQuestion> questions = new ArrayList<>();
        jdbc.sql("select " + A_COLUMNS + """
                , q.position, q.question_id, q.question_type, q.correct_answer, q.chosen, q.answered_right,
                    p.division_id, p.display_name
                from quiz_attempt a
                left join quiz_attempt_question q on q.attempt_id = a.id
                left join quiz_participant p on p.round_id = a.round_id and p.account_id = a.account_id
                where a.id = ? order by q.position""")
                .params(id)
                .query(rs -> {
                    if (attempt[0] == null) {
                        attempt[0] = map(rs, 0);
                        division[0] = rs.getLong("division_id");
                        name[0] = rs.getString("display_name");
                    }
                    if (rs.getObject("position") != null) {
                        questions.add(new QuizAttemptQuestion(id, rs.getInt("position"), rs.getLong("question_id"),
                                QuestionType.valueOf(rs.getString("question_type")), rs.getString("correct_answer"),
                                rs.getString("chosen"), (Boolean) rs.getObject("answered_right")));
                    }
                });
        return Optional.ofNullable(attempt[0]).map(a -> new Sheet(a, List.copyOf(questions), division[0], name[0]));
    }

    int countOfficial(long roundId, long accountId, LocalDate day) {
        return jdbc.sql("select count(*) from quiz_attempt where round_id = ? and account_id = ? and attempt_day = ? "
                + "and practice = false").params(roundId, accountId, day).query(Integer.class).single();
    }

    /** Marks an open attempt submitted; false when it was already submitted (the first submission counts). */
    private boolean markSubmitted(long id, Instant at, boolean late, int correct, int score, long elapsedMillis) {
        return jdbc.sql("""
                update quiz_attempt set status = 'SUBMITTED', submitted_at = ?, late = ?, correct_count = ?, score = ?,
                    elapsed_millis = ?
                where id = ? and status = 'OPEN'""")
                .params(Timestamp.from(at), late, correct, score, elapsedMillis, id).update() == 1;
    }

    /** Whether {@link #submit} is a single statement here (PostgreSQL), atomic without a transaction around it. */
    boolean submitsInOneStatement() {
        return postgres;
    }

    /**
     * What a submission did: whether this call submitted the attempt (false: it already was), and whether the result
     * became the person's best.
     */
    record Submission(boolean submitted, boolean best) {
    }

    /**
     * Submits an open attempt: marks it submitted, stores the answers, lifts the open-attempt guard and, for an
     * official attempt, offers the result as the person's best ({@link #offerBest}). Nothing happens when the attempt
     * is no longer open. On PostgreSQL all of it is one statement (one round trip instead of four, BENCHMARKS.md
     * session 6); elsewhere four statements, which the caller runs in a transaction. Either way the attempt row's
     * update decides, so two submissions at once count once.
     */
    Submission submit(QuizAttempt a, Instant at, boolean late, int correct, int score, long elapsedMillis,
            List<Answer> answers) {
        if (!postgres) {
            if (!markSubmitted(a.id(), at, late, correct, score, elapsedMillis)) {
                return new Submission(false, false);
            }
            saveAnswers(a.id(), answers);
            deleteOpen(a.roundId(), a.accountId(), a.id());
            return new Submission(true, !a.practice()
                    && offerBest(a.roundId(), a.accountId(), a.id(), score, elapsedMillis, at));
        }
        Timestamp when = Timestamp.from(at);
        List<Object> params = new ArrayList<>(List.of(when, late, correct, score, elapsedMillis, a.id()));
        StringBuilder rows = new StringBuilder();
        for (Answer answer : answers) {
            rows.append(rows.isEmpty() ? "" : ", ")
                    .append("(cast(? as integer), cast(? as varchar(8)), cast(? as boolean))");
            params.addAll(Arrays.asList(answer.position(), answer.chosen(), answer.right()));
        }
        params.addAll(List.of(a.roundId(), a.accountId(), // the guard
                score, elapsedMillis, when, !a.practice(), a.roundId(), a.accountId(), // the best: new values, whose
                score, score, elapsedMillis, score, elapsedMillis, when)); // the comparison with the best so far
        String saveAnswers = answers.isEmpty() ? "" : """
                , answers as (
                    update quiz_attempt_question q set chosen = v.chosen, answered_right = v.answered_right
                    from done, (values %s) as v (position, chosen, answered_right)
                    where q.attempt_id = done.id and q.position = v.position)""".formatted(rows);
        return jdbc.sql("""
                with done as (
                    update quiz_attempt set status = 'SUBMITTED', submitted_at = ?, late = ?, correct_count = ?,
                        score = ?, elapsed_millis = ?
                    where id = ? and status = 'OPEN'
                    returning id)""" + saveAnswers + """
                , guard as (
                    delete from quiz_open_attempt o using done
                    where o.round_id = ? and o.account_id = ? and o.attempt_id = done.id)
                , best as (
                    update quiz_participant set best_attempt_id = done.id, best_score = ?, best_millis = ?,
                        best_finished_at = ?
                    from done
                    where ? and round_id = ? and account_id = ?
                      and (best_score is null or best_score < ? or (best_score = ? and best_millis > ?)
                           or (best_score = ? and best_millis = ? and best_finished_at > ?))
                    returning 1)
                select (select count(*) from done) as submitted, (select count(*) from best) as best""")
                .params(params)
                .query((rs, row) -> new Submission(rs.getLong("submitted") > 0, rs.getLong("best") > 0)).single();
    }

    // ---- frozen questions ----------------------------------------------------------------------------------

    /** Freezes the drawn questions in their order (one multi-row insert). */
    private void insertQuestions(long attemptId, List<QuizQuestion> drawn) {
        if (drawn.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(drawn.size() * 5);
        int position = 1;
        for (QuizQuestion q : drawn) {
            params.addAll(List.of(attemptId, position++, q.id(), q.type().name(), q.correctAnswer()));
        }
        jdbc.sql("insert into quiz_attempt_question (attempt_id, position, question_id, question_type, correct_answer) "
                + "values " + String.join(", ", java.util.Collections.nCopies(drawn.size(), "(?, ?, ?, ?, ?)")))
                .params(params).update();
    }

    /** One answer to store: the question's position, the letters chosen (or null), whether they were right. */
    record Answer(int position, String chosen, boolean right) {
    }

    /** Stores the answers of an attempt (one statement for all its questions). */
    private void saveAnswers(long attemptId, List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        StringBuilder chosen = new StringBuilder("case position");
        StringBuilder right = new StringBuilder("case position");
        List<Object> params = new ArrayList<>(answers.size() * 4 + 1);
        List<Object> rightParams = new ArrayList<>(answers.size() * 2);
        for (Answer a : answers) {
            chosen.append(" when ? then cast(? as varchar(8))");
            params.add(a.position());
            params.add(a.chosen());
            right.append(" when ? then cast(? as boolean)");
            rightParams.add(a.position());
            rightParams.add(a.right());
        }
        params.addAll(rightParams);
        params.add(attemptId);
        jdbc.sql("update quiz_attempt_question set chosen = " + chosen + " end, answered_right = " + right
                + " end where attempt_id = ?").params(params).update();
    }

    // ---- the open-attempt guard ------------------------------------------------------------------------------

    /** Fails with a duplicate key when the person already has an open attempt in the round. */
    private void insertOpen(long roundId, long accountId, long attemptId) {
        jdbc.sql("insert into quiz_open_attempt (round_id, account_id, attempt_id) values (?, ?, ?)")
                .params(roundId, accountId, attemptId).update();
    }

    /**
     * Lifts the guard of a finished attempt, found by the table's key: while a round is busy thousands of attempts
     * are open, and a delete by attempt id alone read them all (bench/quiz.sh, BENCHMARKS.md session 6).
     */
    private void deleteOpen(long roundId, long accountId, long attemptId) {
        jdbc.sql("delete from quiz_open_attempt where round_id = ? and account_id = ? and attempt_id = ?")
                .params(roundId, accountId, attemptId).update();
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
    private void insertParticipant(long roundId, long accountId, long divisionId, String displayName, Instant now) {
        jdbc.sql("""
                insert into quiz_participant (round_id, account_id, division_id, display_name, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(roundId, accountId, divisionId, displayName, Timestamp.from(now)).update();
    }

    /**
     * Records an official result as the person's best if it beats the best so far: a higher score, or the same
     * score in less time. One statement, so concurrent submissions cannot lose a better result. True when it did.
     */
    private boolean offerBest(long roundId, long accountId, long attemptId, int score, long millis,
            Instant finishedAt) {
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
