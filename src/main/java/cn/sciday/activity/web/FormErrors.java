package cn.sciday.activity.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import cn.sciday.activity.ActivityForm;
import cn.sciday.web.InvalidInputException;

/**
 * Field problems for a GOV.UK-style error summary: one message per field, in the order of the form, each with
 * the id of the input to jump to.
 */
final class FormErrors {

    /** A problem as the page shows it: the field, the id of its (first) input, and the message. */
    record Item(String field, String anchor, String message) {
    }

    private final Map<String, Item> items = new LinkedHashMap<>();

    static FormErrors none() {
        return new FormErrors();
    }

    static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
        FormErrors errors = new FormErrors();
        for (FieldError e : result.getFieldErrors()) {
            String message = e.isBindingFailure()
                    ? messages.getMessage("activity.error.typeMismatch",
                            new Object[] {messages.getMessage("activity.field." + field(e.getField()), null,
                                    e.getField(), locale)}, locale)
                    : e.getDefaultMessage();
            errors.add(e.getField(), message);
        }
        return errors;
    }

    /** Adds problems for fields that have none yet (binding errors come first). */
    FormErrors and(List<InvalidInputException.Problem> problems) {
        problems.forEach(p -> add(p.field(), p.message()));
        return this;
    }

    static FormErrors of(InvalidInputException e) {
        FormErrors errors = new FormErrors();
        e.problems().forEach(p -> errors.add(p.field(), p.message()));
        return errors;
    }

    private void add(String field, String message) {
        items.putIfAbsent(field, new Item(field, anchor(field), message));
    }

    /** The problems in the order of the form. */
    public List<Item> getItems() {
        List<Item> list = new ArrayList<>(items.values());
        list.sort(Comparator.comparing(i -> {
            int index = ActivityForm.FIELDS.indexOf(i.field());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return list;
    }

    public boolean has(String field) {
        return items.containsKey(field);
    }

    public String get(String field) {
        Item item = items.get(field);
        return item == null ? null : item.message();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    private static String field(String field) {
        return field.equals("divisionId") ? "division" : field;
    }

    private static String anchor(String field) {
        return switch (field) {
            case "themes" -> "themes-1";
            case "audiences" -> "audiences-YOUTH";
            case "format" -> "format-OFFLINE";
            default -> field;
        };
    }
}
