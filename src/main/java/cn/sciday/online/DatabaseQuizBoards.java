package cn.sciday.online;

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
        // one statement for an anonymous reader needs no transaction; with one's own line, both in one snapshot
        return accountId == null ? read(roundId, divisionId, n, null, divisionNames)
                : readOnly.execute(tx -> read(roundId, divisionId, n, accountId, divisionNames));
    }

    private Snapshot read(long roundId, Long divisionId, int n, Long accountId, Map<Long, String> divisionNames) {
        String where = "round_id = :round and best_attempt_id is not null"
                + (divisionId == null ? "" : " and division_id = :division");
        // the top N by the board's index, with how many are ranked (computed once) on every row: one statement
        long[] ranked = {0};
        List<QuizLeaderboard.Entry> top = params(jdbc.sql("select " + COLUMNS + ", (select count(*) from quiz_participant where "
                + where + ") as ranked from quiz_participant where " + where
                + " order by best_score desc, best_millis asc, best_finished_at asc, account_id asc limit :top"),
                roundId, divisionId).param("top", n)
                .query((rs, i) -> {
                    ranked[0] = rs.getLong("ranked");
                    return entry(rs, divisionNames);
                }).list();
        QuizLeaderboard.Entry me = accountId == null ? null
                : own(roundId, divisionId, accountId, divisionNames).orElse(null);
        return new Snapshot(QuizBoards.ranked(top), ranked[0], me);
    }

    /** One's own line: own rank = 1 + the number of people strictly better (one statement). */
    private Optional<QuizLeaderboard.Entry> own(long roundId, Long divisionId, long accountId,
            Map<Long, String> divisionNames) {
        String division = divisionId == null ? "" : " and b.division_id = :division";
        return params(jdbc.sql("select " + COLUMNS + """
                , (select count(*) from quiz_participant b
                    where b.round_id = p.round_id and b.best_attempt_id is not null""" + division + """
                       and (b.best_score > p.best_score
                         or (b.best_score = p.best_score and b.best_millis < p.best_millis)
                         or (b.best_score = p.best_score and b.best_millis = p.best_millis
                             and b.best_finished_at < p.best_finished_at))) as better
                from quiz_participant p
                where p.round_id = :round and p.account_id = :account and p.best_attempt_id is not null""" + division
                        .replace("b.", "p.")), roundId, divisionId).param("account", accountId)
                .query((rs, i) -> entry(rs, divisionNames).withRank(rs.getInt("better") + 1))
                .optional();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, long roundId, Long divisionId) {
        sql = sql.param("round", roundId);
        return divisionId == null ? sql : sql.param("division", divisionId);
    }

    /** Every ranked participant of a round, for the Redis boards to rebuild from (any order). */
    List<QuizLeaderboard.Entry> all(long roundId) {
        return jdbc.sql("select " + COLUMNS + " from quiz_participant where round_id = ? and best_attempt_id is not null")
                .param(roundId).query((rs, i) -> entry(rs, Map.of())).list();
    }

    private static QuizLeaderboard.Entry entry(java.sql.ResultSet rs, Map<Long, String> divisionNames)
            throws java.sql.SQLException {
        return new QuizLeaderboard.Entry(0, rs.getLong(1), rs.getString(2), rs.getLong(3),
                divisionNames.getOrDefault(rs.getLong(3), ""), rs.getInt(4), rs.getLong(5),
                rs.getTimestamp(6).toInstant());
    }
}
