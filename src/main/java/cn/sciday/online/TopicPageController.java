package cn.sciday.online;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.Actors;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.RateLimitedRedirect;
import cn.sciday.web.TooManyRequestsException;

/** 话题互动: the topics, one topic with its shown comments, and a public user's comment. */
@Controller
class TopicPageController {

    private final Topics topics;
    private final Flash flash;

    TopicPageController(Topics topics, Flash flash) {
        this.topics = topics;
        this.flash = flash;
    }

    @GetMapping("/online/topics")
    String list(Model model) {
        model.addAttribute("topics", topics.started());
        model.addAttribute("now", topics.now());
        return "online/topics/list";
    }

    @GetMapping("/online/topics/{id}")
    String show(@PathVariable long id, Model model) {
        Actor viewer = Actors.current().orElse(null);
        Topic topic = topics.visible(viewer, id);
        model.addAttribute("topic", topic);
        model.addAttribute("open", topics.isOpen(topic));
        model.addAttribute("comments", topics.visibleComments(id, 200));
        model.addAttribute("commentCount", topics.visibleCount(id));
        model.addAttribute("mineNotShown", topics.notShownOf(viewer, id));
        model.addAttribute("canComment", viewer != null && viewer.isPublic());
        model.addAttribute("anonymous", viewer == null);
        model.addAttribute("max", Topics.COMMENT_MAX);
        if (!model.containsAttribute("body")) {
            model.addAttribute("body", "");
        }
        return "online/topics/show";
    }

    @PostMapping("/online/topics/{id}/comments")
    String comment(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        try {
            TopicComment c = topics.comment(actor, id, body);
            flash.success(redirect, c.isPending() ? "online.topic.comment.pending" : "online.topic.comment.shown");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("bodyError", e.firstMessage());
            redirect.addFlashAttribute("body", body);
        } catch (ConflictException e) {
            flash.error(redirect, e);
        } catch (TooManyRequestsException e) {
            RateLimitedRedirect.remember(redirect, e);
            redirect.addFlashAttribute(Flash.ERROR, e.getMessage());
            redirect.addFlashAttribute("body", body);
        }
        return "redirect:/online/topics/" + id + "#comment-form";
    }
}
