package cn.sciday.activity.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityChangeForm;
import cn.sciday.activity.ActivityFilter;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.ActivityAction;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.CompletionManagement;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.MilestoneKind;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;

/** An organizer's own activities by state, and the proposal form (new, edit, change after publication). */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class MyActivitiesController {

    /** The order of the groups on "my activities": what needs the organizer first. */
    static final List<ActivityStatus> ORDER = List.of(ActivityStatus.RETURNED, ActivityStatus.DRAFT,
            ActivityStatus.SUBMITTED, ActivityStatus.ENDORSED, ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED,
            ActivityStatus.WITHDRAWN);

    private final Activities activities;
    private final CompletionManagement completions;
    private final ActivityPages pages;
    private final MessageSource messages;

    MyActivitiesController(Activities activities, CompletionManagement completions, ActivityPages pages,
            MessageSource messages) {
        this.activities = activities;
        this.completions = completions;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/my/activities")
    public String mine(Actor actor, Model model) {
        List<ActivityView> mine = activities.ownedBy(actor, ActivityFilter.all()).items();
        Map<ActivityStatus, List<ActivityView>> groups = new EnumMap<>(ActivityStatus.class);
        for (ActivityStatus s : ORDER) {
            List<ActivityView> in = mine.stream().filter(a -> a.status() == s).toList();
            if (!in.isEmpty()) {
                groups.put(s, in);
            }
        }
        Campaign campaign = pages.campaign();
        model.addAttribute("groups", ORDER.stream().filter(groups::containsKey)
                .map(s -> new Group(s, groups.get(s))).toList());
        model.addAttribute("total", mine.size());
        model.addAttribute("submittable", mine.stream().filter(a -> a.can(ActivityAction.SUBMIT)).toList());
        model.addAttribute("scores", completions.completionsVisibleTo(actor, mine.stream()
                .filter(a -> a.status() == ActivityStatus.PUBLISHED).map(ActivityView::id).toList()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("today", pages.today());
        model.addAttribute("intention", campaign.milestone(MilestoneKind.INTENTION));
        model.addAttribute("completion", campaign.milestone(MilestoneKind.COMPLETION));
        model.addAttribute("intentionPassed", campaign.milestone(MilestoneKind.INTENTION).dueOn()
                .isBefore(pages.today()));
        return "activity/mine";
    }

    /** One state and its activities. */
    record Group(ActivityStatus status, List<ActivityView> activities) {
    }

    @GetMapping("/my/activities/new")
    public String newForm(Actor actor, Model model) {
        return form(model, ActivityForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/my/activities/new")
    public String create(Actor actor, @Valid @ModelAttribute("form") ActivityForm form, BindingResult result,
            Model model, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return form(model, form, FormErrors.of(result, messages, locale).and(activities.problems(form)), null);
        }
        try {
            ActivityView created = activities.create(actor, form);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("activity.flash.created", null, locale));
            return "redirect:/activities/manage/" + created.id();
        } catch (InvalidInputException e) {
            return form(model, form, FormErrors.of(e), null);
        }
    }

    @GetMapping("/my/activities/{id}/edit")
    public String editForm(Actor actor, @PathVariable long id, Model model, RedirectAttributes redirect) {
        ActivityView view;
        try {
            view = activities.editable(actor, id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/activities/manage/" + id;
        }
        if (view.status() == ActivityStatus.PUBLISHED) {
            return "redirect:/my/activities/" + id + "/change";
        }
        return form(model, view.toForm(), FormErrors.none(), view);
    }

    @PostMapping("/my/activities/{id}/edit")
    public String edit(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") ActivityForm form,
            BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        ActivityView view;
        try {
            view = activities.editable(actor, id);
            if (view.status() == ActivityStatus.PUBLISHED) {
                return "redirect:/my/activities/" + id + "/change";
            }
            if (result.hasErrors()) {
                return form(model, form, FormErrors.of(result, messages, locale).and(activities.problems(form)),
                        view);
            }
            activities.edit(actor, id, form);
        } catch (InvalidInputException e) {
            return form(model, form, FormErrors.of(e), activities.get(actor, id));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/activities/manage/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("activity.flash.saved", null, locale));
        return "redirect:/activities/manage/" + id;
    }

    @GetMapping("/my/activities/{id}/change")
    public String changeForm(Actor actor, @PathVariable long id, Model model, RedirectAttributes redirect) {
        ActivityView view;
        try {
            view = activities.editable(actor, id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/activities/manage/" + id;
        }
        if (view.status() != ActivityStatus.PUBLISHED) {
            return "redirect:/my/activities/" + id + "/edit";
        }
        return changePage(model, view.toChangeForm(), FormErrors.none(), view);
    }

    @PostMapping("/my/activities/{id}/change")
    public String change(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") ActivityChangeForm form,
            BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            ActivityView view = activities.editable(actor, id);
            if (result.hasErrors()) {
                return changePage(model, form, FormErrors.of(result, messages, locale), view);
            }
            activities.change(actor, id, form);
        } catch (InvalidInputException e) {
            return changePage(model, form, FormErrors.of(e), activities.get(actor, id));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/activities/manage/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("activity.flash.changed", null, locale));
        return "redirect:/activities/manage/" + id;
    }

    private String form(Model model, ActivityForm form, FormErrors errors, ActivityView activity) {
        pages.choices(model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activity", activity);
        model.addAttribute("formAction", activity == null ? "/my/activities/new"
                : "/my/activities/" + activity.id() + "/edit");
        return "activity/form";
    }

    private String changePage(Model model, ActivityChangeForm form, FormErrors errors, ActivityView activity) {
        pages.choices(model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activity", activity);
        return "activity/change";
    }
}
