package cn.sciday.web;

import java.util.List;

/**
 * Input that breaks a rule: answers 400 with one message per field. Each message is a bundle key and its arguments
 * ({@link UserMessage}), put into words in the reader's language where it is shown.
 */
public class InvalidInputException extends RuntimeException {

    /** One problem: the field (or row and column) and what is wrong with it. */
    public record Problem(String field, UserMessage reason) {

        /** @param code the message's key in the module's bundle, {@code arguments} its {0}, {1}, … */
        public Problem(String field, String code, Object... arguments) {
            this(field, UserMessage.of(code, arguments));
        }

        /** The message in the current request's language (Chinese outside a request). */
        public String message() {
            return reason.text();
        }

        public String code() {
            return reason.code();
        }
    }

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).code());
        this.problems = List.copyOf(problems);
    }

    /** @param code the message's key in the module's bundle, {@code arguments} its {0}, {1}, … */
    public InvalidInputException(String field, String code, Object... arguments) {
        this(List.of(new Problem(field, code, arguments)));
    }

    /** The first problem as "field: message", in the current request's language. */
    @Override
    public String getMessage() {
        return problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message();
    }

    /** The first problem's message, for a flash line on a page. */
    public String firstMessage() {
        return problems.isEmpty() ? getMessage() : problems.get(0).message();
    }

    public List<Problem> problems() {
        return problems;
    }
}
