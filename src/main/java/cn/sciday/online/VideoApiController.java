package cn.sciday.online;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The public gallery over the API: approved entries of the current round, newest or most liked first. */
@RestController
class VideoApiController {

    /** An approved entry as the public sees it. */
    record VideoCard(long id, String title, String description, String authorName, String unitName, String category,
            String link, String videoUrl, String coverUrl, Integer durationSeconds, int likes) {

        static VideoCard of(VideoEntry e) {
            return new VideoCard(e.id(), e.title(), e.description(), e.authorName(), e.unitName(), e.category(),
                    e.linkUrl(), e.isUpload() ? "/online/videos/" + e.id() + "/video" : null,
                    e.hasCover() ? "/online/videos/" + e.id() + "/cover" : null, e.durationSeconds(), e.likeCount());
        }
    }

    private final VideoEntries videos;

    VideoApiController(VideoEntries videos) {
        this.videos = videos;
    }

    @GetMapping("/api/v1/public/online/videos")
    @Operation(summary = "Approved short videos of the current round; sort=likes for the ranking, else newest first")
    List<VideoCard> list(@RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return videos.approved(sort, limit, offset).stream().map(VideoCard::of).toList();
    }

    @GetMapping("/api/v1/public/online/videos/{id}")
    @Operation(summary = "One approved short video")
    VideoCard one(@PathVariable long id) {
        return VideoCard.of(videos.visible(null, id));
    }
}
