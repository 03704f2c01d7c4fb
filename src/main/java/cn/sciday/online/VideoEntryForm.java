package cn.sciday.online;

/**
 * What someone enters for a short video. {@code unitName} is free text for public users (their school, company…);
 * an organizer's entry always carries its own unit. {@code link} is where the video airs, unless a file is uploaded.
 */
public record VideoEntryForm(String title, String description, String authorName, String unitName, String category,
        String link) {

    static VideoEntryForm empty() {
        return new VideoEntryForm("", "", "", "", "", "");
    }

    static VideoEntryForm of(VideoEntry e) {
        return new VideoEntryForm(e.title(), e.description(), e.authorName(), e.unitName(), e.category(),
                e.linkUrl() == null ? "" : e.linkUrl());
    }
}
