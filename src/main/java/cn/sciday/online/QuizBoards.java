package cn.sciday.online;

import java.util.List;
import java.util.Map;

/**
 * Where leaderboards are read from: the database alone ({@link DatabaseQuizBoards}), or with Redis configured sorted
 * sets kept after each commit and rebuilt from the database ({@link RedisQuizBoards}). Both give the same answers:
 * each participant's best official result, ordered by score (high first), time taken (short first), finish time
 * (early first) and account id; equal on the first three means an equal rank.
 */
interface QuizBoards {

    /**
     * The top {@code n} of a round's board (overall when {@code divisionId} is null), how many are ranked on it and,
     * when {@code accountId} is given and on that board, the person's own line.
     */
    Snapshot board(long roundId, Long divisionId, int n, Long accountId, Map<Long, String> divisionNames);

    /** What a board read returns. */
    record Snapshot(List<QuizLeaderboard.Entry> entries, long ranked, QuizLeaderboard.Entry me) {
    }

    /** Ranks a list already in board order: equal (score, time, finish) shares the rank of the first of them. */
    static List<QuizLeaderboard.Entry> ranked(List<QuizLeaderboard.Entry> ordered) {
        List<QuizLeaderboard.Entry> out = new java.util.ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            QuizLeaderboard.Entry e = ordered.get(i);
            int rank = i + 1;
            if (i > 0) {
                QuizLeaderboard.Entry prev = out.get(i - 1);
                if (prev.score() == e.score() && prev.millis() == e.millis()
                        && prev.finishedAt().equals(e.finishedAt())) {
                    rank = prev.rank();
                }
            }
            out.add(e.withRank(rank));
        }
        return out;
    }
}
