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

/** A unit submits its science volunteers and changes those that wait or were returned. */
@Controller
@PreAuthorize("hasRole('ORGANIZER')")
class VolunteerUnitController {

    static final Set<String> FILE_FIELDS = Set.of("photo");

    private final Volunteers volunteers;
    private final Flash flash;

    VolunteerUnitController(Volunteers volunteers, Flash flash) {
        this.volunteers = volunteers;
        this.flash = flash;
    }

    @GetMapping("/my/volunteers")
    String list(Actor actor, Model model) {
        model.addAttribute("volunteers", volunteers.ofMyUnit(actor));
        return "online/volunteers/mine";
    }

    @GetMapping("/my/volunteers/new")
    String newForm(Model model) {
        model.addAttribute("volunteerForm", VolunteerForm.empty());
        return form(null, model);
    }

    @PostMapping("/my/volunteers")
    String submit(Actor actor, @ModelAttribute("volunteerForm") VolunteerForm form, BindingResult result,
            @RequestParam(required = false) MultipartFile photoFile, Model model, RedirectAttributes redirect) {
        try {
            Volunteer v = volunteers.submit(actor, form, OnlineUpload.of(photoFile));
            flash.success(redirect, "online.volunteer.submitted", v.name());
            return "redirect:/my/volunteers";
        } catch (InvalidInputException e) {
            OnlineForms.reject(result, model, e, FILE_FIELDS);
        }
        return form(null, model);
    }

    @GetMapping("/my/volunteers/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        Volunteer v = volunteers.ofOwnUnit(actor, id);
        model.addAttribute("volunteerForm", VolunteerForm.of(v));
        return form(v, model);
    }

    @PostMapping("/my/volunteers/{id}")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute("volunteerForm") VolunteerForm form,
            BindingResult result, @RequestParam(required = false) MultipartFile photoFile, Model model,
            RedirectAttributes redirect) {
        Volunteer before = volunteers.ofOwnUnit(actor, id);
        try {
            Volunteer v = volunteers.edit(actor, id, form, OnlineUpload.of(photoFile));
            flash.success(redirect, "online.volunteer.resubmitted", v.name());
            return "redirect:/my/volunteers";
        } catch (InvalidInputException e) {
            OnlineForms.reject(result, model, e, FILE_FIELDS);
        } catch (ConflictException e) {
            result.reject("conflict", e.getMessage());
        }
        return form(before, model);
    }

    private String form(Volunteer v, Model model) {
        OnlineForms.fileErrors(model);
        model.addAttribute("volunteer", v);
        return "online/volunteers/form";
    }
}
