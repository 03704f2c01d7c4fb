package cn.sciday.online;

import java.util.List;

/** One page of the public gallery of a round: approved entries, newest or most liked first. */
public record VideoGallery(VideoRound round, List<VideoEntry> entries, String sort, String category, int page,
        int pages, int total) {

    public boolean byLikes() {
        return "likes".equals(sort);
    }

    /** The rank of the i-th entry of this page when sorted by likes. */
    public int rank(int indexOnPage) {
        return (page - 1) * VideoEntries.PAGE_SIZE + indexOnPage + 1;
    }
}
