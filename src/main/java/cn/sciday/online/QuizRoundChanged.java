package cn.sciday.online;

/** A quiz round was created or edited (clears the cached rounds of the leaderboard reads on every instance). */
record QuizRoundChanged(long roundId) {
}
