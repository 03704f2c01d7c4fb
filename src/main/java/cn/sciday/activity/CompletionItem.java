package cn.sciday.activity;

/**
 * What information completion (信息完善) asks of a published activity. Each required item present counts towards
 * the completeness score; the online address is required only of activities with an online part.
 */
public enum CompletionItem {
    /** At least one photo. */
    PHOTOS,
    /** At least one news report link (新闻报道链接) or video link. */
    MEDIA_LINK,
    /** The actual number of participants. */
    PARTICIPANTS,
    /** The online activity's address (online and online+offline activities only). */
    ONLINE_URL,
    /** A short written summary of how the activity went (文字总结). */
    SUMMARY;

    public boolean requiredFor(ActivityFormat format) {
        return this != ONLINE_URL || format.hasOnlinePart();
    }
}
