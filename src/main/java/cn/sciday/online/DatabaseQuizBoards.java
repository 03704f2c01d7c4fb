package cn.sciday.online;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leaderboards from the database alone: SQL over {@code quiz_participant} (indexed by round and division, then the
 * board order). Own rank = 1 + the number of people strictly better. Used when Redis is not configured, and by the
 * Redis boards whenever Redis cannot answer.
 */
class DatabaseQuizBoards implements QuizBoards {

    private static final String COLUMNS =
            "account_id, display_name, division_id, best_score, best_millis, best_finished_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    DatabaseQuizBoards(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public Snapshot board(long roundId, Long divisionId, int n, Long accountId, Map<Long, String> divisionNames) {
        return readOnly.execute(tx -> read(roundId, divisionId, n, accountId, divisionNames));
    }

    private Snapshot read(long roundId, Long divisionId, int n, Long accountId, Map<Long, String> divisionNames) {
        String where = "round_id = :round and best_attempt_id is not null"
                + (divisionId == null ? "" : " and division_id = :division");
        var query = jdbc.sql("select " + COLUMNS + " from quiz_participant where " + where
                + " order by best_score desc, best_millis asc, best_finished_at asc, account_id asc limit :top")
                .param("round", roundId).param("top", n);
        if (divisionId != null) {
            query = query.param("division", divisionId);
        }
        List<QuizLeaderboard.Entry> top = query.query((rs, i) -> entry(rs, divisionNames)).list();
        var count = jdbc.sql("select count(*) from quiz_participant where " + where).param("round", roundId);
        if (divisionId != null) {
            count = count.param("division", divisionId);
        }
        long total = count.query(Long.class).single();
        QuizLeaderboard.Entry me = accountId == null ? null
                : own(roundId, divisionId, accountId, divisionNames).orElse(null);
        return new Snapshot(QuizBoards.ranked(top), total, me);
    }

    private Optional<QuizLeaderboard.Entry> own(long roundId, Long divisionId, long accountId,
            Map<Long, String> divisionNames) {
        return jdbc.sql("select " + COLUMNS + " from quiz_participant "
                + "where round_id = ? and account_id = ? and best_attempt_id is not null")
                .params(roundId, accountId)
                .query((rs, i) -> entry(rs, divisionNames))
                .optional()
                .filter(e -> divisionId == null || e.divisionId() == divisionId)
                .map(e -> {
                    String where = "round_id = :round and best_attempt_id is not null"
                            + (divisionId == null ? "" : " and division_id = :division");
                    var q = jdbc.sql("select count(*) from quiz_participant where " + where + " and (best_score > :score "
                            + "or (best_score = :score and best_millis < :millis) "
                            + "or (best_score = :score and best_millis = :millis and best_finished_at < :finished))")
                            .param("round", roundId).param("score", e.score()).param("millis", e.millis())
                            .param("finished", Timestamp.from(e.finishedAt()));
                    if (divisionId != null) {
                        q = q.param("division", divisionId);
                    }
                    return e.withRank(q.query(Integer.class).single() + 1);
                });
    }

    /** Every ranked participant of a round, for the Redis boards to rebuild from (any order). */
    List<QuizLeaderboard.Entry> all(long roundId) {
        return jdbc.sql("select " + COLUMNS + " from quiz_participant where round_id = ? and best_attempt_id is not null")
                .param(roundId).query((rs, i) -> entry(rs, Map.of())).list();
    }

    /** One participant's best, as committed (for the Redis boards after a commit). */
    Optional<QuizLeaderboard.Entry> best(long roundId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from quiz_participant "
                + "where round_id = ? and account_id = ? and best_attempt_id is not null")
                .params(roundId, accountId).query((rs, i) -> entry(rs, Map.of())).optional();
    }

    private static QuizLeaderboard.Entry entry(java.sql.ResultSet rs, Map<Long, String> divisionNames)
            throws java.sql.SQLException {
        return new QuizLeaderboard.Entry(0, rs.getLong(1), rs.getString(2), rs.getLong(3),
                divisionNames.getOrDefault(rs.getLong(3), ""), rs.getInt(4), rs.getLong(5),
                rs.getTimestamp(6).toInstant());
    }
}
