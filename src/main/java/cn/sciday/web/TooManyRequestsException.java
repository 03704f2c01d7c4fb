package cn.sciday.web;

/**
 * Asked too often: answers 429 with Retry-After and a message saying when to try again, given as a bundle key and
 * its arguments ({@link UserMessage}); {@link TooManyRequests} makes them with the wait as argument {0}.
 */
public class TooManyRequestsException extends RuntimeException {

    private final UserMessage reason;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String code, long retryAfterSeconds, Object... arguments) {
        super(code);
        this.reason = UserMessage.of(code, arguments);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public UserMessage reason() {
        return reason;
    }

    /** The message in the current request's language (Chinese outside a request). */
    @Override
    public String getMessage() {
        return reason.text();
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
