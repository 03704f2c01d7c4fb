package cn.sciday.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages shown once after a redirect (post/redirect/get): {@code successMessage} from a bundle key in the
 * visitor's language, {@code errorMessage} with the text of a refused change. Pages show them with
 * {@code admin/form :: flash}.
 */
@Component
public class Flash {

    public static final String SUCCESS = "successMessage";
    public static final String ERROR = "errorMessage";

    private final MessageSource messages;
    private final UserMessages userMessages;

    Flash(MessageSource messages, UserMessages userMessages) {
        this.messages = messages;
        this.userMessages = userMessages;
    }

    public void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute(SUCCESS, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }

    public void error(RedirectAttributes redirect, ConflictException e) {
        redirect.addFlashAttribute(ERROR, userMessages.text(e.reason()));
    }

    /** The first problem's message. */
    public void error(RedirectAttributes redirect, InvalidInputException e) {
        redirect.addFlashAttribute(ERROR, e.problems().isEmpty() ? e.getMessage()
                : userMessages.text(e.problems().get(0).reason()));
    }
}
