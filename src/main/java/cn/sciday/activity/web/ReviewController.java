package cn.sciday.activity.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFilter;
import cn.sciday.activity.BatchResult;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;

/**
 * Review queues: a coordinator sees its units' submitted activities and endorses them; the city sees endorsed ones
 * and those divisions and departments submitted for themselves, and approves them. Batches are all or nothing.
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'CITY_ADMIN')")
class ReviewController {

    private final Activities activities;
    private final ActivityPages pages;
    private final MessageSource messages;

    ReviewController(Activities activities, ActivityPages pages, MessageSource messages) {
        this.activities = activities;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/review")
    public String queue(Actor actor, @RequestParam(required = false) Long division,
            @RequestParam(required = false) Integer jointAction,
            @RequestParam(defaultValue = "false") boolean lateOnly, Model model) {
        ActivityFilter filter = new ActivityFilter(null, division, jointAction, lateOnly, 0, ActivityFilter.MAX_SIZE);
        pages.choices(model);
        model.addAttribute("queue", activities.reviewQueue(actor, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("city", actor.isCityAdmin());
        return "activity/review";
    }

    @PostMapping("/review/endorse")
    public String endorse(Actor actor, @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) Long division, @RequestParam(required = false) Integer jointAction,
            @RequestParam(defaultValue = "false") boolean lateOnly, RedirectAttributes redirect, Locale locale) {
        return batch(actor, ids, false, division, jointAction, lateOnly, redirect, locale);
    }

    @PostMapping("/review/approve")
    public String approve(Actor actor, @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) Long division, @RequestParam(required = false) Integer jointAction,
            @RequestParam(defaultValue = "false") boolean lateOnly, RedirectAttributes redirect, Locale locale) {
        return batch(actor, ids, true, division, jointAction, lateOnly, redirect, locale);
    }

    private String batch(Actor actor, List<Long> ids, boolean approve, Long division, Integer jointAction,
            boolean lateOnly, RedirectAttributes redirect, Locale locale) {
        try {
            BatchResult result = approve ? activities.approveAll(actor, ids, null)
                    : activities.endorseAll(actor, ids, null);
            if (result.ok()) {
                redirect.addFlashAttribute("flashSuccess", messages.getMessage(
                        approve ? "activity.flash.batchApproved" : "activity.flash.batchEndorsed",
                        new Object[] {result.done().size()}, locale));
            } else {
                redirect.addFlashAttribute("flashError", messages.getMessage("activity.flash.batchFailed",
                        new Object[] {result.failed().size()}, locale));
                redirect.addFlashAttribute("batchFailures", result.failed());
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).message());
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/review");
        if (division != null) {
            back.queryParam("division", division);
        }
        if (jointAction != null) {
            back.queryParam("jointAction", jointAction);
        }
        if (lateOnly) {
            back.queryParam("lateOnly", true);
        }
        return "redirect:" + back.build().toUriString();
    }
}
