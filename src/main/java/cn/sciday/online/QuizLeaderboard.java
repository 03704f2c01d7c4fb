package cn.sciday.online;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.organization.OrganizationChanged;
import cn.sciday.platform.CacheSpec;

/**
 * Leaderboards: each participant's best official result, ordered by score (high first), then time taken (short
 * first), then finish time (early first). Equal on all three means an equal rank. The boards come from
 * {@link QuizBoards}: the database alone, or Redis sorted sets when Redis is configured (same answers). What an
 * anonymous reader gets is kept in the cache {@value #BOARDS}, cleared on every instance after each commit that
 * improves someone's best: here at once, on the other instances within {@link #BOARD_BROADCAST_EVERY} (one message
 * covers all the improvements of that interval); an entry lives {@link #BOARD_TIME_TO_LIVE} at most, should a message
 * between instances be lost. A logged-in participant's read, with their own line, always comes from the boards.
 */
@Service
class QuizLeaderboard {

    static final int MAX_TOP = 1000;
    static final String BOARDS = "online.quiz-board";
    static final java.time.Duration BOARD_TIME_TO_LIVE = java.time.Duration.ofSeconds(2);
    /** At most this often does a clearing of the boards travel to the other instances (every submission clears). */
    static final java.time.Duration BOARD_BROADCAST_EVERY = java.time.Duration.ofMillis(250);

    /** One line of a leaderboard. {@code accountId} stays on the server (exports); the API leaves it out. */
    record Entry(int rank, long accountId, String name, long divisionId, String divisionName, int score, long millis,
            Instant finishedAt) {

        public String seconds() {
            return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
        }

        Entry withRank(int r) {
            return new Entry(r, accountId, name, divisionId, divisionName, score, millis, finishedAt);
        }
    }

    /** The top of a leaderboard (overall or one division) and, for a logged-in participant, their own line. */
    record Board(long roundId, Long divisionId, String divisionName, int top, long ranked, List<Entry> entries,
            Entry me) {
    }

    private final JdbcClient jdbc;
    private final QuizLookups lookups;
    private final QuizBoards boards;
    private final Cache anonymousBoards;

    QuizLeaderboard(JdbcClient jdbc, QuizLookups lookups, QuizBoards boards, CacheManager caches) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.boards = boards;
        this.anonymousBoards = caches.getCache(BOARDS);
    }

    public Board board(QuizRound round, Long divisionId, Integer top, Long accountId) {
        int n = top == null || top < 1 ? round.leaderboardSize() : Math.min(top, MAX_TOP);
        if (accountId == null) {
            return anonymousBoards.get(new BoardKey(round.id(), divisionId, n), () -> read(round, divisionId, n, null));
        }
        return read(round, divisionId, n, accountId);
    }

    private record BoardKey(long roundId, Long divisionId, int top) {
    }

    private Board read(QuizRound round, Long divisionId, int n, Long accountId) {
        Map<Long, String> divisions = lookups.divisionNames();
        QuizBoards.Snapshot s = boards.board(round.id(), divisionId, n, accountId, divisions);
        return new Board(round.id(), divisionId, divisionId == null ? null : divisions.get(divisionId), n, s.ranked(),
                s.entries(), s.me());
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

    @Configuration(proxyBeanMethods = false)
    static class Caches {

        @Bean
        CacheSpec quizBoardCache() {
            return CacheSpec.of(BOARDS, BOARD_TIME_TO_LIVE, 500)
                    .clearedOn(QuizBestImproved.class, QuizRoundChanged.class, OrganizationChanged.class)
                    .broadcastAtMostEvery(BOARD_BROADCAST_EVERY);
        }
    }
}
