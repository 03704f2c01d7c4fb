package cn.sciday.activity;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Words from the activity bundle in the reader's language; Chinese outside a request. */
@Component
class ActivityMessages {

    private final MessageSource source;

    ActivityMessages(MessageSource source) {
        this.source = source;
    }

    String get(String key, Object... args) {
        return source.getMessage(key, args, key, locale());
    }

    /** In Chinese whoever reads it (notifications are stored once for several readers). */
    String chinese(String key, Object... args) {
        return source.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    static Locale locale() {
        return LocaleContextHolder.getLocaleContext() != null ? LocaleContextHolder.getLocale()
                : Locale.SIMPLIFIED_CHINESE;
    }
}
