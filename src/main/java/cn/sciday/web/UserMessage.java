package cn.sciday.web;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message for people, held as a bundle key and its arguments and put into words in the reader's language only when
 * it is shown ({@link #text()}, or any {@code MessageSource}). The key is stable: the API shows it as {@code code}.
 * Keys live in the bundle of the module that uses them ({@code i18n/<module>.properties}, prefixed with the module).
 * <p>
 * Whole numbers among the arguments are written as plain digits (2021, row 1200; never "2,021"), so bundles write a
 * plain {@code {0}}. An argument may itself be a {@link MessageSourceResolvable} (a state's label, say): it is put into
 * words in the same language.
 */
public final class UserMessage implements MessageSourceResolvable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Object[] arguments;

    private UserMessage(String code, Object[] arguments) {
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = arguments == null ? new Object[0]
                : Arrays.stream(arguments).map(UserMessage::plain).toArray();
    }

    public static UserMessage of(String code, Object... arguments) {
        return new UserMessage(code, arguments);
    }

    private static Object plain(Object argument) {
        if (argument instanceof Integer || argument instanceof Long || argument instanceof Short
                || argument instanceof Byte || argument instanceof BigInteger) {
            return argument.toString();
        }
        return argument;
    }

    /**
     * Items as one list in the reader's language ("甲、乙、丙", "A, B, C"): nested messages joined by the key
     * {@code list.pair}; an item may itself be a message. One item is itself, none is "".
     */
    public static Object list(List<?> items) {
        if (items.isEmpty()) {
            return "";
        }
        return items.size() == 1 ? items.get(0) : of("list.pair", items.get(0), list(items.subList(1, items.size())));
    }

    /** The bundle key. */
    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return Arrays.asList(arguments.clone());
    }

    /** In the language of the current request (LocaleContextHolder), in Chinese outside a request. */
    public String text() {
        return UserMessages.resolve(this);
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    /** The key itself: a missing key shows as the key (and fails {@code UserMessageKeysTests}), never as nothing. */
    @Override
    public String getDefaultMessage() {
        return code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserMessage m && code.equals(m.code) && Arrays.equals(arguments, m.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * code.hashCode() + Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
        return arguments.length == 0 ? code : code + Arrays.toString(arguments);
    }
}
