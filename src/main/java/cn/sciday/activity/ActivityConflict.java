package cn.sciday.activity;

import cn.sciday.web.ConflictException;

/** A transition the aggregate refuses; {@link Activities} turns the message key into words in the reader's language. */
class ActivityConflict extends ConflictException {

    private final String key;
    private final transient Object[] args;

    ActivityConflict(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args;
    }
}
