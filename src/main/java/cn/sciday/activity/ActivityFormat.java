package cn.sciday.activity;

/** 活动形式: 线下, 线上, 线上+线下. */
public enum ActivityFormat {
    OFFLINE, ONLINE, BOTH;

    /** An offline part needs a division and a venue address. */
    public boolean hasOfflinePart() {
        return this != ONLINE;
    }

    /** An online part needs a web address before publication. */
    public boolean hasOnlinePart() {
        return this != OFFLINE;
    }
}
