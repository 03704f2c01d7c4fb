package cn.sciday.online;

/**
 * A participant's best official result in a round changed (published inside the transaction that recorded it; the
 * Redis leaderboard applies it after the commit).
 */
record QuizBestImproved(long roundId, long accountId) {
}
