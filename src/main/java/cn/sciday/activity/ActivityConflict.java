package cn.sciday.activity;

import cn.sciday.web.ConflictException;

/** A transition the aggregate refuses, by message key (put into words in the reader's language when shown). */
class ActivityConflict extends ConflictException {

    private final String key;
    private final transient Object[] args;

    ActivityConflict(String key, Object... args) {
        super(key, args);
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
