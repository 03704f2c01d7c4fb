package cn.sciday.activity.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFilter;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.CompletionManagement;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/** Staff pages: the activities an actor may see, one activity with its history, and its actions as POST buttons. */
@Controller
@RequestMapping("/activities/manage")
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class ActivityManageController {

    private final Activities activities;
    private final ActivityUploads uploads;
    private final CompletionManagement completions;
    private final ActivityPages pages;
    private final MessageSource messages;

    ActivityManageController(Activities activities, ActivityUploads uploads, CompletionManagement completions,
            ActivityPages pages, MessageSource messages) {
        this.activities = activities;
        this.uploads = uploads;
        this.completions = completions;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping
    public String list(Actor actor, @RequestParam(required = false) ActivityStatus status,
            @RequestParam(required = false) Long division, @RequestParam(required = false) Integer jointAction,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ActivityFilter filter = new ActivityFilter(status, division, jointAction, false, page, 50);
        pages.choices(model);
        model.addAttribute("page", activities.visibleTo(actor, filter));
        model.addAttribute("counts", activities.countsByStatus(actor));
        model.addAttribute("filter", filter);
        return "activity/list";
    }

    @GetMapping("/{id}")
    public String detail(Actor actor, @PathVariable long id, Model model) {
        ActivityView activity = activities.get(actor, id);
        pages.choices(model);
        model.addAttribute("activity", activity);
        model.addAttribute("history", activities.history(actor, id));
        model.addAttribute("changes", activities.changes(actor, id));
        model.addAttribute("files", uploads.files(actor, id));
        model.addAttribute("completion", activity.status() == ActivityStatus.PUBLISHED
                ? completions.completionsVisibleTo(actor, java.util.List.of(id)).get(id) : null);
        return "activity/detail";
    }

    @PostMapping("/{id}/{action}")
    public String act(Actor actor, @PathVariable long id, @PathVariable String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String comment,
            RedirectAttributes redirect, Locale locale) {
        try {
            switch (action) {
                case "submit" -> activities.submit(actor, id);
                case "endorse" -> activities.endorse(actor, id, comment);
                case "return" -> activities.returnFor(actor, id, reason);
                case "approve" -> activities.approve(actor, id, comment);
                case "withdraw" -> activities.withdraw(actor, id, reason);
                case "cancel" -> activities.cancel(actor, id, reason);
                default -> throw new NotFoundException("action " + action);
            }
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("activity.flash." + action, null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().isEmpty() ? e.getMessage()
                    : e.problems().get(0).message());
        }
        return "redirect:/activities/manage/" + id;
    }
}
