package cn.sciday.online;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

/** 点赞科技志愿: the approved science volunteers with their stories and like counts, and their photos. */
@Controller
class VolunteerPageController {

    private final Volunteers volunteers;
    private final Likes likes;
    private final OnlineMedia media;

    VolunteerPageController(Volunteers volunteers, Likes likes, OnlineMedia media) {
        this.volunteers = volunteers;
        this.likes = likes;
        this.media = media;
    }

    @GetMapping("/online/volunteers")
    String list(@RequestParam(defaultValue = "likes") String sort, Model model) {
        Actor viewer = Actors.current().orElse(null);
        List<Volunteer> list = volunteers.approved(sort, 200, 0);
        Set<Long> liked = new HashSet<>();
        for (Volunteer v : list) {
            if (likes.likedToday(viewer, LikeTarget.VOLUNTEER, v.id())) {
                liked.add(v.id());
            }
        }
        model.addAttribute("volunteers", list);
        model.addAttribute("liked", liked);
        model.addAttribute("sort", "newest".equals(sort) ? "newest" : "likes");
        model.addAttribute("canLike", viewer == null || viewer.isPublic());
        model.addAttribute("anonymous", viewer == null);
        return "online/volunteers/list";
    }

    @GetMapping("/online/volunteers/{id}/photo")
    ResponseEntity<Resource> photo(@PathVariable long id) {
        Volunteer v = volunteers.visible(Actors.current().orElse(null), id);
        if (v.photoMediaId() == null) {
            throw new NotFoundException("photo of volunteer " + id);
        }
        return media.serve(v.photoMediaId(), true, v.isApproved());
    }
}
