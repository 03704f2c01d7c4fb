package cn.sciday.web;

/** A state change that is not allowed now: answers 409 with a message a person understands. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
