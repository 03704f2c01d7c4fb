package cn.sciday.web;

/**
 * A state change that is not allowed now: answers 409 with a message a person understands, given as a bundle key
 * and its arguments ({@link UserMessage}) and put into words in the reader's language.
 */
public class ConflictException extends RuntimeException {

    private final UserMessage reason;

    /** @param code the message's key in the module's bundle, {@code arguments} its {0}, {1}, … */
    public ConflictException(String code, Object... arguments) {
        super(code);
        this.reason = UserMessage.of(code, arguments);
    }

    public UserMessage reason() {
        return reason;
    }

    /** The message in the current request's language (Chinese outside a request). */
    @Override
    public String getMessage() {
        return reason.text();
    }
}
