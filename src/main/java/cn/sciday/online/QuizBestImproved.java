package cn.sciday.online;

/**
 * A participant's best official result in a round changed to {@code best} (published inside the transaction that
 * recorded it; the Redis leaderboard merges it after the commit). {@code best} carries no rank or division name.
 */
record QuizBestImproved(long roundId, QuizLeaderboard.Entry best) {

    long accountId() {
        return best.accountId();
    }
}
