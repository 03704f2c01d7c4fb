package cn.sciday.online;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;

/**
 * Leaderboards from the database alone: each participant's best official result, ordered by score (high first),
 * then time taken (short first), then finish time (early first). Equal on all three means an equal rank.
 */
@Service
class QuizLeaderboard {

    static final int MAX_TOP = 1000;

    /** One line of a leaderboard. {@code accountId} stays on the server (exports); the API leaves it out. */
    record Entry(int rank, long accountId, String name, long divisionId, String divisionName, int score, long millis,
            Instant finishedAt) {

        public String seconds() {
            return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
        }
    }

    /** The top of a leaderboard (overall or one division) and, for a logged-in participant, their own line. */
    record Board(long roundId, Long divisionId, String divisionName, int top, long ranked, List<Entry> entries,
            Entry me) {
    }

    private final JdbcClient jdbc;
    private final Organizations organizations;

    QuizLeaderboard(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public Board board(QuizRound round, Long divisionId, Integer top, Long accountId) {
        int n = top == null || top < 1 ? round.leaderboardSize() : Math.min(top, MAX_TOP);
        Map<Long, String> divisions = organizations.divisions().stream()
                .collect(Collectors.toMap(OrganizationView::id, OrganizationView::name));
        String where = "round_id = :round and best_attempt_id is not null"
                + (divisionId == null ? "" : " and division_id = :division");
        var query = jdbc.sql("select account_id, display_name, division_id, best_score, best_millis, best_finished_at "
                + "from quiz_participant where " + where
                + " order by best_score desc, best_millis asc, best_finished_at asc, account_id asc limit :top")
                .param("round", round.id()).param("top", n);
        if (divisionId != null) {
            query = query.param("division", divisionId);
        }
        List<Entry> raw = query.query((rs, i) -> new Entry(0, rs.getLong(1), rs.getString(2), rs.getLong(3),
                divisions.getOrDefault(rs.getLong(3), ""), rs.getInt(4), rs.getLong(5),
                rs.getTimestamp(6).toInstant())).list();
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Entry e = raw.get(i);
            int rank = i + 1;
            if (i > 0) {
                Entry prev = ranked.get(i - 1);
                if (prev.score() == e.score() && prev.millis() == e.millis() && prev.finishedAt().equals(e.finishedAt())) {
                    rank = prev.rank();
                }
            }
            ranked.add(new Entry(rank, e.accountId(), e.name(), e.divisionId(), e.divisionName(), e.score(),
                    e.millis(), e.finishedAt()));
        }
        var count = jdbc.sql("select count(*) from quiz_participant where " + where).param("round", round.id());
        if (divisionId != null) {
            count = count.param("division", divisionId);
        }
        long total = count.query(Long.class).single();
        Entry me = accountId == null ? null : own(round.id(), divisionId, accountId, divisions).orElse(null);
        return new Board(round.id(), divisionId, divisionId == null ? null : divisions.get(divisionId), n, total,
                ranked, me);
    }

    private Optional<Entry> own(long roundId, Long divisionId, long accountId, Map<Long, String> divisions) {
        return jdbc.sql("""
                select account_id, display_name, division_id, best_score, best_millis, best_finished_at
                from quiz_participant where round_id = ? and account_id = ? and best_attempt_id is not null""")
                .params(roundId, accountId)
                .query((rs, i) -> new Entry(0, rs.getLong(1), rs.getString(2), rs.getLong(3),
                        divisions.getOrDefault(rs.getLong(3), ""), rs.getInt(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant()))
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
                    int better = q.query(Integer.class).single();
                    return new Entry(better + 1, e.accountId(), e.name(), e.divisionId(), e.divisionName(), e.score(),
                            e.millis(), e.finishedAt());
                });
    }

    /** Per-question correct rates of a round's submitted official attempts, hardest first. */
    @Transactional(readOnly = true)
    public List<QuestionStat> questionStats(QuizRound round, Function<List<Long>, List<QuizQuestion>> bank) {
        List<long[]> rows = jdbc.sql("""
                select q.question_id, count(*), sum(case when q.answered_right then 1 else 0 end)
                from quiz_attempt_question q join quiz_attempt a on a.id = q.attempt_id
                where a.round_id = ? and a.status = 'SUBMITTED' and a.practice = false
                group by q.question_id""")
                .params(round.id())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        Map<Long, QuizQuestion> questions = bank.apply(rows.stream().map(r -> r[0]).toList()).stream()
                .collect(Collectors.toMap(QuizQuestion::id, Function.identity()));
        return rows.stream().map(r -> new QuestionStat(questions.get(r[0]), r[1], r[2]))
                .sorted(java.util.Comparator.comparingDouble(QuestionStat::rate)
                        .thenComparing(s -> s.question().id()))
                .toList();
    }

    /** Totals of a round: official attempts submitted, participants with a result, average score. */
    @Transactional(readOnly = true)
    public RoundTotals totals(QuizRound round) {
        return jdbc.sql("""
                select count(*), count(distinct account_id), coalesce(avg(score), 0)
                from quiz_attempt where round_id = ? and status = 'SUBMITTED' and practice = false""")
                .params(round.id())
                .query((rs, i) -> new RoundTotals(rs.getLong(1), rs.getLong(2), rs.getDouble(3))).single();
    }

    /** How often a question was answered right in a round. */
    record QuestionStat(QuizQuestion question, long answered, long right) {

        public double rate() {
            return answered == 0 ? 0 : (double) right / answered;
        }

        public String percent() {
            return String.format(Locale.ROOT, "%.1f%%", rate() * 100);
        }
    }

    /** Totals of a round for the stats page. */
    record RoundTotals(long attempts, long people, double averageScore) {

        public String average() {
            return String.format(Locale.ROOT, "%.1f", averageScore);
        }
    }
}
