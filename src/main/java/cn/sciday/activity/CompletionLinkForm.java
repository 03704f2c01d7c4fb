package cn.sciday.activity;

/** A news report (新闻报道) or video link to add: its kind, a title and an http(s) address. */
public record CompletionLinkForm(CompletionLinkKind kind, String title, String url) {
}
