package cn.sciday.online;

/**
 * Something changed in the quiz: a question or round edited, questions imported, an attempt submitted. For the
 * audit trail. {@code subjectId} is the question, round or attempt id (null for an import).
 */
public record QuizChanged(String change, Long subjectId, String detail) {
}
