package cn.sciday.online;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.InvalidInputException;

/** City admins approve science-volunteer profiles, or return them to the unit with a reason. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class VolunteerAdminController {

    private final Volunteers volunteers;
    private final Flash flash;

    VolunteerAdminController(Volunteers volunteers, Flash flash) {
        this.volunteers = volunteers;
        this.flash = flash;
    }

    @GetMapping("/admin/online/volunteers")
    String list(@RequestParam(defaultValue = "PENDING") VolunteerStatus status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("volunteers", volunteers.forReview(status));
        model.addAttribute("statuses", VolunteerStatus.values());
        return "online/admin/volunteers";
    }

    @PostMapping("/admin/online/volunteers/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Volunteer v = volunteers.approve(actor, id);
            flash.success(redirect, "online.admin.volunteer.approved", v.name());
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/online/volunteers";
    }

    @PostMapping("/admin/online/volunteers/{id}/reject")
    String reject(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            Volunteer v = volunteers.reject(actor, id, reason);
            flash.success(redirect, "online.admin.volunteer.rejected", v.name());
        } catch (InvalidInputException e) {
            volunteers.forAdmin(actor, id);
            redirect.addFlashAttribute(Flash.ERROR, e.firstMessage());
            redirect.addFlashAttribute("rejectingId", id);
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/online/volunteers";
    }
}
