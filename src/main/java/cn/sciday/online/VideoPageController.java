package cn.sciday.online;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.sciday.web.Actor;
import cn.sciday.web.Actors;
import cn.sciday.web.NotFoundException;

/** The public gallery of approved short videos, an entry's page, and its files (only once approved, for others). */
@Controller
class VideoPageController {

    private final VideoEntries videos;
    private final Likes likes;
    private final OnlineMedia media;

    VideoPageController(VideoEntries videos, Likes likes, OnlineMedia media) {
        this.videos = videos;
        this.likes = likes;
        this.media = media;
    }

    @GetMapping("/online/videos")
    String gallery(@RequestParam(required = false) String sort, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "1") int page, Model model) {
        VideoGallery gallery = videos.gallery(category, sort, page);
        model.addAttribute("gallery", gallery);
        model.addAttribute("roundOpen", gallery.round() != null && gallery.round().isOpen(videos.now()));
        return "online/videos/gallery";
    }

    @GetMapping("/online/videos/{id}")
    String entry(@PathVariable long id, Model model) {
        Actor viewer = Actors.current().orElse(null);
        VideoEntry entry = videos.visible(viewer, id);
        model.addAttribute("entry", entry);
        model.addAttribute("canLike", entry.isApproved() && (viewer == null || viewer.isPublic()));
        model.addAttribute("likedToday", likes.likedToday(viewer, LikeTarget.VIDEO, id));
        model.addAttribute("anonymous", viewer == null);
        return "online/videos/entry";
    }

    @GetMapping("/online/videos/{id}/video")
    ResponseEntity<Resource> video(@PathVariable long id) {
        VideoEntry e = videos.visible(Actors.current().orElse(null), id);
        if (e.videoMediaId() == null) {
            throw new NotFoundException("video of entry " + id);
        }
        return media.serve(e.videoMediaId(), false, e.isApproved());
    }

    @GetMapping("/online/videos/{id}/cover")
    ResponseEntity<Resource> cover(@PathVariable long id) {
        return cover(id, false);
    }

    @GetMapping("/online/videos/{id}/thumbnail")
    ResponseEntity<Resource> thumbnail(@PathVariable long id) {
        return cover(id, true);
    }

    private ResponseEntity<Resource> cover(long id, boolean thumbnail) {
        VideoEntry e = videos.visible(Actors.current().orElse(null), id);
        if (e.coverMediaId() == null) {
            throw new NotFoundException("cover of entry " + id);
        }
        return media.serve(e.coverMediaId(), thumbnail, e.isApproved());
    }
}
