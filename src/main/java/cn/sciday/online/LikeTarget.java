package cn.sciday.online;

/** What can be liked: a short-video entry or a science volunteer, each with its table and its like counter. */
public enum LikeTarget {
    VIDEO("video_entry", "作品"), VOLUNTEER("volunteer", "志愿者");

    private final String table;
    private final String label;

    LikeTarget(String table, String label) {
        this.table = table;
        this.label = label;
    }

    /** The table holding the target and its {@code like_count} (a constant, safe to put into SQL). */
    String table() {
        return table;
    }

    public String label() {
        return label;
    }
}
