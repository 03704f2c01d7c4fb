package cn.sciday.online;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.Actor;

/** Entering short videos and reviewing them over the API, with the same rules as the pages. */
@RestController
class VideoEntryApiController {

    record ReviewRequest(String reason) {
    }

    private final VideoEntries videos;

    VideoEntryApiController(VideoEntries videos) {
        this.videos = videos;
    }

    @PostMapping(path = "/api/v1/online/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a short video in the open round (public users, organizers): text fields, link or "
            + "videoFile (MP4), coverFile (JPEG/PNG)")
    VideoEntry submit(Actor actor, @ModelAttribute VideoEntryForm form,
            @RequestParam(required = false) MultipartFile videoFile,
            @RequestParam(required = false) MultipartFile coverFile) {
        return videos.submit(actor, form, OnlineUpload.of(videoFile), OnlineUpload.of(coverFile));
    }

    @GetMapping("/api/v1/online/videos/mine")
    @Operation(summary = "The caller's entries (an organizer's: also its unit's), with status and reason")
    List<VideoEntry> mine(Actor actor) {
        return videos.mine(actor);
    }

    @GetMapping("/api/v1/admin/online/videos")
    @Operation(summary = "Entries by status for review (city admins)")
    List<VideoEntry> forReview(@RequestParam(defaultValue = "PENDING") VideoEntryStatus status) {
        return videos.forReview(status);
    }

    @PostMapping("/api/v1/admin/online/videos/{id}/approve")
    @Operation(summary = "Approve an entry; the author is told (city admins)")
    VideoEntry approve(Actor actor, @PathVariable long id) {
        return videos.approve(actor, id);
    }

    @PostMapping("/api/v1/admin/online/videos/{id}/reject")
    @Operation(summary = "Return an entry with a reason the author sees (city admins)")
    VideoEntry reject(Actor actor, @PathVariable long id, @RequestBody ReviewRequest request) {
        return videos.reject(actor, id, request.reason());
    }
}
