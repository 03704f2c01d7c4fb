package cn.sciday.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A value read from a plan file that knows its path, so that every problem names its field. */
final class PlanNode {

    private final String file;
    private final String path;
    private final Object value;

    PlanNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    PlanFileException fail(String problem) {
        return new PlanFileException(file, path, problem);
    }

    PlanNode get(String key) {
        Map<?, ?> map = map();
        return new PlanNode(file, path.isEmpty() ? key : path + "." + key, map.get(key));
    }

    boolean has(String key) {
        return map().get(key) != null;
    }

    /** Refuses keys the plan format does not know: a typo must not be silently ignored. */
    void allowOnly(Set<String> keys) {
        for (Object key : map().keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw new PlanFileException(file, path.isEmpty() ? String.valueOf(key) : path + "." + key,
                        "unknown field (expected one of " + keys.stream().sorted().toList() + ")");
            }
        }
    }

    String text() {
        if (value == null) {
            throw fail("is required");
        }
        if (value instanceof Map || value instanceof Collection) {
            throw fail("must be text");
        }
        String s = String.valueOf(value).strip();
        if (s.isEmpty()) {
            throw fail("must not be empty");
        }
        return s;
    }

    String textOr(String fallback) {
        return value == null ? fallback : text();
    }

    int integer(int min, int max) {
        if (value == null) {
            throw fail("is required");
        }
        int n;
        if (value instanceof Integer i) {
            n = i;
        } else {
            try {
                n = Integer.parseInt(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw fail("must be a whole number, not '" + value + "'");
            }
        }
        if (n < min || n > max) {
            throw fail("must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    boolean bool(boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw fail("must be true or false, not '" + value + "'");
    }

    LocalDate date() {
        if (value == null) {
            throw fail("is required");
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw fail("must be a date like 2021-09-24, not '" + value + "'");
        }
    }

    <E extends Enum<E>> E enumeration(Class<E> type) {
        String s = text();
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw fail("must be one of " + names + ", not '" + s + "'");
        }
    }

    List<PlanNode> list(boolean required) {
        if (value == null) {
            if (required) {
                throw fail("is required");
            }
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw fail("must be a list");
        }
        if (required && items.isEmpty()) {
            throw fail("must not be empty");
        }
        List<PlanNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new PlanNode(file, path + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    List<String> texts() {
        return list(true).stream().map(PlanNode::text).toList();
    }

    private Map<?, ?> map() {
        if (value == null) {
            throw fail("is required");
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw fail("must be a mapping of fields");
        }
        return m;
    }
}
