package cn.sciday.organization;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;

/** Coordinators (and the city) see the units under them and approve or reject registrations. */
@Controller
@PreAuthorize("hasRole('COORDINATOR') or hasRole('CITY_ADMIN')")
class UnitPageController {

    private final Organizations organizations;

    UnitPageController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/units")
    String list(Actor actor, @RequestParam(required = false) OrganizationStatus status, Model model) {
        model.addAttribute("units", organizations.unitsVisibleTo(actor, status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrganizationStatus.values());
        return "units/list";
    }

    @GetMapping("/units/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("unit", organizations.unitVisibleTo(actor, id));
        return "units/show";
    }

    @PostMapping("/units/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes flash) {
        OrganizationView unit = organizations.approve(actor, id);
        flash.addFlashAttribute("notice", "unit.approved");
        flash.addFlashAttribute("noticeArg", unit.name());
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/reject")
    String reject(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        try {
            organizations.reject(actor, id, reason);
            flash.addFlashAttribute("notice", "unit.rejected");
        } catch (InvalidInputException e) {
            organizations.unitVisibleTo(actor, id);
            flash.addFlashAttribute("error", e.firstMessage());
        }
        return "redirect:/units/" + id;
    }
}
