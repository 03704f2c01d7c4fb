package cn.sciday.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Puts {@link UserMessage}s (and any other {@link MessageSourceResolvable}) into words with the application's
 * {@link MessageSource}, in the language of the current request ({@link LocaleContextHolder}: the cookie
 * {@code sciday-lang}, {@code ?lang=}, and for the API {@code Accept-Language}) and in Chinese outside a request.
 * <p>
 * The places that show errors to people (error pages and problem details, form errors, flash lines, import error
 * lists) use this bean. {@code getMessage()} of the domain exceptions goes through the same message source (held here
 * once the application has started, the same bundles read from the class path before that, as in plain unit tests),
 * so a log line or an older caller reads the same words.
 */
@Component
public class UserMessages {

    private static final Logger log = LoggerFactory.getLogger(UserMessages.class);

    private static volatile MessageSource shared;

    private final MessageSource source;

    UserMessages(MessageSource source) {
        this.source = source;
        shared = source;
    }

    /** In the current request's language. */
    public String text(MessageSourceResolvable message) {
        return text(source, message, locale());
    }

    public String text(MessageSourceResolvable message, Locale locale) {
        return text(source, message, locale);
    }

    /** The key, when the message has one in the bundles; {@code null} for a text that is not a key. */
    public String knownCode(MessageSourceResolvable message) {
        String[] codes = message.getCodes();
        if (codes != null) {
            for (String code : codes) {
                if (code != null && source.getMessage(code, null, null, Locale.SIMPLIFIED_CHINESE) != null) {
                    return code;
                }
            }
        }
        return null;
    }

    /** The request's language; Chinese (zh-CN) outside a request. */
    public static Locale locale() {
        return LocaleContextHolder.getLocaleContext() != null ? LocaleContextHolder.getLocale()
                : Locale.SIMPLIFIED_CHINESE;
    }

    static String resolve(MessageSourceResolvable message) {
        MessageSource s = shared;
        return text(s != null ? s : Standalone.SOURCE, message, locale());
    }

    private static String text(MessageSource source, MessageSourceResolvable message, Locale locale) {
        try {
            return source.getMessage(message, locale);
        } catch (IllegalArgumentException e) {
            // a broken MessageFormat pattern must not turn an error message into a 500 (I18nPropertiesSyncTests)
            log.warn("message {} cannot be formatted: {}", message, e.getMessage());
            return String.valueOf(message.getDefaultMessage());
        }
    }

    /** The bundles of spring.messages.basename, found on the class path: messages and i18n/*. */
    private static final class Standalone {

        static final MessageSource SOURCE = load();

        private static MessageSource load() {
            List<String> names = new ArrayList<>(List.of("messages"));
            try {
                PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
                for (Resource r : resolver.getResources("classpath*:i18n/*.properties")) {
                    String file = r.getFilename();
                    if (file != null && !file.contains("_")) {
                        names.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ResourceBundleMessageSource s = new ResourceBundleMessageSource();
            s.setBasenames(names.toArray(String[]::new));
            s.setDefaultEncoding("UTF-8");
            s.setFallbackToSystemLocale(false);
            return s;
        }
    }
}
