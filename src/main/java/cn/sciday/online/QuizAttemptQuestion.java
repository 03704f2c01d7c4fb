package cn.sciday.online;

/** A question as drawn for an attempt: its place, type and correct answer frozen at the start; the answer given. */
record QuizAttemptQuestion(long attemptId, int position, long questionId, QuestionType type, String correctAnswer,
        String chosen, Boolean answeredRight) {
}
