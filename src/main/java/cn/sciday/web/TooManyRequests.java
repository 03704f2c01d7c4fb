package cn.sciday.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Makes {@link TooManyRequestsException}s whose message comes from the bundles in the reader's language and says how
 * long to wait: argument {0} of the message is the wait ("45 秒", "3 分钟"), the caller's arguments follow as {1}, ….
 */
@Component
public class TooManyRequests {

    private final MessageSource messages;

    TooManyRequests(MessageSource messages) {
        this.messages = messages;
    }

    public TooManyRequestsException exception(String messageKey, long retryAfterSeconds, Object... args) {
        long seconds = Math.max(1, retryAfterSeconds);
        Object[] all = new Object[args.length + 1];
        all[0] = waitText(seconds);
        System.arraycopy(args, 0, all, 1, args.length);
        return new TooManyRequestsException(messages.getMessage(messageKey, all, locale()), seconds);
    }

    /** Seconds below two minutes, whole minutes (rounded up) above. */
    public String waitText(long seconds) {
        return seconds < 120 ? messages.getMessage("ratelimit.wait.seconds", new Object[] {seconds}, locale())
                : messages.getMessage("ratelimit.wait.minutes", new Object[] {(seconds + 59) / 60}, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocaleContext() != null ? LocaleContextHolder.getLocale()
                : Locale.SIMPLIFIED_CHINESE;
    }
}
