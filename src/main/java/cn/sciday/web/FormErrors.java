package cn.sciday.web;

import org.springframework.validation.BindingResult;

/**
 * Puts a domain rule's complaint ({@link InvalidInputException}) onto a page form, so that the form is shown again
 * with the message next to the field it concerns (or in the error summary when no field of the form matches). The
 * error carries the message's key and arguments, so the page puts it into words in the reader's language; its
 * default text is the message in the current request's language.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, InvalidInputException e) {
        for (InvalidInputException.Problem p : e.problems()) {
            UserMessage m = p.reason();
            if (hasField(result, p.field())) {
                result.rejectValue(p.field(), m.code(), m.getArguments(), m.text());
            } else {
                result.reject(m.code(), m.getArguments(), m.text());
            }
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        if (field == null || field.isBlank()) {
            return false;
        }
        try {
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
