package cn.sciday.activity;

/** A news report link (新闻报道链接) or a video link. */
public enum CompletionLinkKind {
    NEWS, VIDEO
}
