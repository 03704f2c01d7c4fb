package cn.sciday.web;

import org.springframework.stereotype.Component;

/**
 * Makes {@link TooManyRequestsException}s whose message comes from the bundles in the reader's language and says how
 * long to wait: argument {0} of the message is the wait ("45 秒", "3 分钟"), the caller's arguments follow as {1}, ….
 */
@Component
public class TooManyRequests {

    private final UserMessages messages;

    TooManyRequests(UserMessages messages) {
        this.messages = messages;
    }

    public TooManyRequestsException exception(String messageKey, long retryAfterSeconds, Object... args) {
        long seconds = Math.max(1, retryAfterSeconds);
        Object[] all = new Object[args.length + 1];
        all[0] = waitMessage(seconds);
        System.arraycopy(args, 0, all, 1, args.length);
        return new TooManyRequestsException(messageKey, seconds, all);
    }

    /** Seconds below two minutes, whole minutes (rounded up) above. */
    public String waitText(long seconds) {
        return messages.text(waitMessage(seconds));
    }

    private static UserMessage waitMessage(long seconds) {
        return seconds < 120 ? UserMessage.of("ratelimit.wait.seconds", seconds)
                : UserMessage.of("ratelimit.wait.minutes", (seconds + 59) / 60);
    }
}
