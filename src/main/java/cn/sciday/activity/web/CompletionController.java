package cn.sciday.activity.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.activity.CompletionForm;
import cn.sciday.activity.CompletionLinkForm;
import cn.sciday.activity.CompletionLinkKind;
import cn.sciday.activity.CompletionManagement;
import cn.sciday.activity.CompletionView;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;

/**
 * Information completion pages: one activity's completion (edited by its organizer, read by its 归口 and the city),
 * the overview of units and divisions with their scores and lateness, and one organization's activities.
 */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class CompletionController {

    private final CompletionManagement completions;
    private final MessageSource messages;

    CompletionController(CompletionManagement completions, MessageSource messages) {
        this.completions = completions;
        this.messages = messages;
    }

    @GetMapping("/completion")
    public String overview(Actor actor, Model model) {
        model.addAttribute("overview", completions.overview(actor));
        return "completion/overview";
    }

    @GetMapping("/completion/{organizationId}")
    public String organization(Actor actor, @PathVariable long organizationId, Model model) {
        model.addAttribute("org", completions.organization(actor, organizationId));
        return "completion/organization";
    }

    @GetMapping("/activities/manage/{id}/completion")
    public String page(Actor actor, @PathVariable long id, Model model) {
        CompletionView view = completions.view(actor, id);
        return page(model, view, new CompletionForm(view.participantsForForm(), view.onlineUrlForForm(),
                view.summary()), new CompletionLinkForm(null, null, null), FieldProblems.none());
    }

    @PostMapping("/activities/manage/{id}/completion")
    public String save(Actor actor, @PathVariable long id, @RequestParam(required = false) String actualParticipants,
            @RequestParam(required = false) String onlineUrl, @RequestParam(required = false) String summary,
            Model model, RedirectAttributes redirect, Locale locale) {
        Integer participants = null;
        if (actualParticipants != null && !actualParticipants.isBlank()) {
            try {
                participants = Integer.valueOf(actualParticipants.strip());
            } catch (NumberFormatException e) {
                return page(model, completions.view(actor, id), new CompletionForm(null, onlineUrl, summary),
                        new CompletionLinkForm(null, null, null), FieldProblems.of(new InvalidInputException(
                                "actualParticipants", "completion.participants.number"), ""));
            }
        }
        CompletionForm form = new CompletionForm(participants, onlineUrl, summary);
        try {
            completions.update(actor, id, form);
        } catch (InvalidInputException e) {
            return page(model, completions.view(actor, id), form, new CompletionLinkForm(null, null, null),
                    FieldProblems.of(e, ""));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/activities/manage/" + id + "/completion";
        }
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.saved", null, locale));
        return "redirect:/activities/manage/" + id + "/completion";
    }

    @PostMapping("/activities/manage/{id}/completion/photos")
    public String addPhoto(Actor actor, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect, Locale locale) {
        try {
            completions.addPhoto(actor, id, Uploads.of(file));
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.photo", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.firstMessage());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/activities/manage/" + id + "/completion#photos-title";
    }

    @PostMapping("/activities/manage/{id}/completion/photos/{photoId}/delete")
    public String removePhoto(Actor actor, @PathVariable long id, @PathVariable long photoId,
            RedirectAttributes redirect, Locale locale) {
        try {
            completions.removePhoto(actor, id, photoId);
            redirect.addFlashAttribute("flashSuccess",
                    messages.getMessage("completion.flash.photoRemoved", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/activities/manage/" + id + "/completion#photos-title";
    }

    @PostMapping("/activities/manage/{id}/completion/links")
    public String addLink(Actor actor, @PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String title, @RequestParam(required = false) String url, Model model,
            RedirectAttributes redirect, Locale locale) {
        CompletionLinkKind k = null;
        if (kind != null) {
            try {
                k = CompletionLinkKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                k = null;
            }
        }
        CompletionLinkForm form = new CompletionLinkForm(k, title, url);
        try {
            completions.addLink(actor, id, form);
        } catch (InvalidInputException e) {
            CompletionView view = completions.view(actor, id);
            return page(model, view, new CompletionForm(view.participantsForForm(), view.onlineUrlForForm(),
                    view.summary()), form, FieldProblems.of(e, "link-"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/activities/manage/" + id + "/completion#links-title";
        }
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.link", null, locale));
        return "redirect:/activities/manage/" + id + "/completion#links-title";
    }

    @PostMapping("/activities/manage/{id}/completion/links/{linkId}/delete")
    public String removeLink(Actor actor, @PathVariable long id, @PathVariable long linkId,
            RedirectAttributes redirect, Locale locale) {
        try {
            completions.removeLink(actor, id, linkId);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.linkRemoved", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/activities/manage/" + id + "/completion#links-title";
    }

    private String page(Model model, CompletionView view, CompletionForm form, CompletionLinkForm linkForm,
            FieldProblems errors) {
        model.addAttribute("completion", view);
        model.addAttribute("form", form);
        model.addAttribute("linkForm", linkForm);
        model.addAttribute("errors", errors);
        model.addAttribute("linkKinds", CompletionLinkKind.values());
        return "completion/activity";
    }
}
