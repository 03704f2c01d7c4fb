package cn.sciday.online;

import java.time.Instant;
import java.util.List;

/** A question of the bank. {@code correctAnswer} holds the letters of the correct options, sorted. */
record QuizQuestion(Long id, QuestionType type, String stem, List<String> options, String correctAnswer,
        String explanation, int themeNumber, boolean enabled, String source, int version, Instant createdAt,
        Instant updatedAt) {

    static final String LETTERS = "ABCDEF";

    /** The option letter for a position: 0 → A. */
    static String letter(int index) {
        return String.valueOf(LETTERS.charAt(index));
    }

    /** Each option with its letter, for pages and JSON. */
    public List<QuizOption> labelledOptions() {
        return java.util.stream.IntStream.range(0, options.size())
                .mapToObj(i -> new QuizOption(letter(i), options.get(i))).toList();
    }

    /** The correct answer as a person reads it: 对, 错, A, A、C. */
    public String correctAnswerText() {
        return QuestionRules.answerText(type, correctAnswer);
    }
}
