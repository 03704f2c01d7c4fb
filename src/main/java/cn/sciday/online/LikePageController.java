package cn.sciday.online;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.RateLimitedRedirect;
import cn.sciday.web.TooManyRequestsException;

/** The like buttons of the pages (a plain form, so it works without JavaScript); the answer comes back as a flash. */
@Controller
class LikePageController {

    private final Likes likes;
    private final Flash flash;

    LikePageController(Likes likes, Flash flash) {
        this.likes = likes;
        this.flash = flash;
    }

    @PostMapping("/online/videos/{id}/like")
    String likeVideo(Actor actor, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        like(actor, LikeTarget.VIDEO, id, request, redirect);
        return "redirect:/online/videos/" + id;
    }

    @PostMapping("/online/volunteers/{id}/like")
    String likeVolunteer(Actor actor, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        like(actor, LikeTarget.VOLUNTEER, id, request, redirect);
        return "redirect:/online/volunteers#volunteer-" + id;
    }

    private void like(Actor actor, LikeTarget target, long id, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            LikeResult r = likes.like(actor, target, id, request.getRemoteAddr());
            flash.success(redirect, "online.like.done", r.likes());
        } catch (ConflictException e) {
            flash.error(redirect, e);
        } catch (TooManyRequestsException e) {
            RateLimitedRedirect.remember(redirect, e);
            redirect.addFlashAttribute(Flash.ERROR, e.getMessage());
        }
    }
}
