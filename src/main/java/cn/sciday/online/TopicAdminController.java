package cn.sciday.online;

import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.InvalidInputException;

/** City admins open and edit topics and moderate their comments (approve waiting ones, hide with a reason). */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class TopicAdminController {

    static final Set<String> FILE_FIELDS = Set.of("picture");

    private final Topics topics;
    private final Flash flash;

    TopicAdminController(Topics topics, Flash flash) {
        this.topics = topics;
        this.flash = flash;
    }

    @GetMapping("/admin/online/topics")
    String list(Model model) {
        model.addAttribute("topics", topics.all());
        model.addAttribute("pending", topics.all().stream()
                .collect(java.util.stream.Collectors.toMap(Topic::id, t -> topics.pendingCount(t.id()))));
        model.addAttribute("now", topics.now());
        return "online/admin/topics";
    }

    @GetMapping("/admin/online/topics/new")
    String newForm(Model model) {
        model.addAttribute("topicForm", TopicForm.empty());
        return form(null, model);
    }

    @PostMapping("/admin/online/topics")
    String create(Actor actor, @ModelAttribute("topicForm") TopicForm form, BindingResult result,
            @RequestParam(required = false) MultipartFile pictureFile, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Topic t = topics.create(actor, form, OnlineUpload.of(pictureFile));
                flash.success(redirect, "online.admin.topic.saved", t.question());
                return "redirect:/admin/online/topics";
            } catch (InvalidInputException e) {
                OnlineForms.reject(result, model, e, FILE_FIELDS);
            }
        }
        return form(null, model);
    }

    @GetMapping("/admin/online/topics/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Topic t = topics.get(id);
        model.addAttribute("topicForm", TopicForm.of(t));
        return form(t, model);
    }

    @PostMapping("/admin/online/topics/{id}")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute("topicForm") TopicForm form, BindingResult result,
            @RequestParam(required = false) MultipartFile pictureFile, Model model, RedirectAttributes redirect) {
        Topic before = topics.get(id);
        if (!result.hasErrors()) {
            try {
                Topic t = topics.edit(actor, id, form, OnlineUpload.of(pictureFile));
                flash.success(redirect, "online.admin.topic.saved", t.question());
                return "redirect:/admin/online/topics";
            } catch (InvalidInputException e) {
                OnlineForms.reject(result, model, e, FILE_FIELDS);
            }
        }
        return form(before, model);
    }

    @GetMapping("/admin/online/topics/{id}")
    String moderation(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("topic", topics.get(id));
        model.addAttribute("comments", topics.forModeration(actor, id));
        return "online/admin/topic";
    }

    @PostMapping("/admin/online/topics/comments/{commentId}/approve")
    String approve(Actor actor, @PathVariable long commentId, RedirectAttributes redirect) {
        long topicId;
        try {
            topicId = topics.approve(actor, commentId).topicId();
            flash.success(redirect, "online.admin.comment.approved");
        } catch (ConflictException e) {
            flash.error(redirect, e);
            topicId = topics.commentTopic(commentId);
        }
        return "redirect:/admin/online/topics/" + topicId;
    }

    @PostMapping("/admin/online/topics/comments/{commentId}/hide")
    String hide(Actor actor, @PathVariable long commentId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        long topicId = topics.commentTopic(commentId);
        try {
            topics.hide(actor, commentId, reason);
            flash.success(redirect, "online.admin.comment.hidden");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.ERROR, e.firstMessage());
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/online/topics/" + topicId + "#comment-" + commentId;
    }

    private String form(Topic t, Model model) {
        OnlineForms.fileErrors(model);
        model.addAttribute("topic", t);
        model.addAttribute("moderations", TopicModeration.values());
        return "online/admin/topic-form";
    }
}
