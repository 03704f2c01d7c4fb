package cn.sciday.web;

import org.springframework.security.access.AccessDeniedException;

/**
 * An {@link AccessDeniedException} (403, or the login page for an anonymous caller) whose reason is a bundle key and
 * its arguments, put into words in the reader's language where it is shown (a batch's list of failures, the log).
 */
public class ForbiddenException extends AccessDeniedException {

    private final UserMessage reason;

    public ForbiddenException(String code, Object... arguments) {
        super(code);
        this.reason = UserMessage.of(code, arguments);
    }

    public UserMessage reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason.text();
    }
}
