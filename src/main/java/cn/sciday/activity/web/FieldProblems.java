package cn.sciday.activity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.sciday.web.InvalidInputException;

/**
 * Field problems of the completion and summary forms for the GOV.UK-style error summary (same shape as
 * {@link FormErrors}: {@code items}, {@code has}, {@code get}, {@code empty}); the anchor is the input's id.
 */
final class FieldProblems {

    private final Map<String, FormErrors.Item> items = new LinkedHashMap<>();

    static FieldProblems none() {
        return new FieldProblems();
    }

    /** The problems of a refusal; {@code prefix} turns a field name into the id of its input ("link-" + "url"). */
    static FieldProblems of(InvalidInputException e, String prefix) {
        FieldProblems p = new FieldProblems();
        e.problems().forEach(x -> p.items.putIfAbsent(x.field(),
                new FormErrors.Item(x.field(), prefix + x.field(), x.message())));
        return p;
    }

    public List<FormErrors.Item> getItems() {
        return new ArrayList<>(items.values());
    }

    public boolean has(String field) {
        return items.containsKey(field);
    }

    public String get(String field) {
        FormErrors.Item i = items.get(field);
        return i == null ? null : i.message();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
