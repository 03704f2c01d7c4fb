package cn.sciday.web;

import java.util.List;

/** Input that breaks a rule: answers 400 (API) with one message per field. */
public class InvalidInputException extends RuntimeException {

    /** One problem: the field (or row and column) and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    /** The first problem's message, for a flash line on a page. */
    public String firstMessage() {
        return problems.isEmpty() ? getMessage() : problems.get(0).message();
    }

    public List<Problem> problems() {
        return problems;
    }
}
