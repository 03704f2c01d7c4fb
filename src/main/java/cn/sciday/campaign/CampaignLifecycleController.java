package cn.sciday.campaign;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.FormErrors;
import cn.sciday.web.InvalidInputException;

/** City admin: copy a plan to a new year as a draft, and make a draft the current plan (after confirming). */
@Controller
@RequestMapping("/admin/campaigns/{id}")
@PreAuthorize("hasRole('CITY_ADMIN')")
class CampaignLifecycleController {

    private final CampaignManagement campaigns;
    private final Flash flash;

    CampaignLifecycleController(CampaignManagement campaigns, Flash flash) {
        this.campaigns = campaigns;
        this.flash = flash;
    }

    @GetMapping("/clone")
    String cloneForm(@PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(id);
        int latest = campaigns.all().stream().filter(c -> c.city().equals(campaign.city())).mapToInt(Campaign::year)
                .max().orElse(campaign.year());
        if (!model.containsAttribute("cloneForm")) {
            model.addAttribute("cloneForm", new CloneForm(Math.max(latest, campaign.year()) + 1));
        }
        model.addAttribute("campaign", campaign);
        return "campaign/admin/clone";
    }

    @PostMapping("/clone")
    String cloneToYear(@PathVariable long id, @Valid @ModelAttribute("cloneForm") CloneForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        if (result.hasErrors()) {
            return "campaign/admin/clone";
        }
        Campaign copy;
        try {
            copy = campaigns.cloneToYear(id, form.year());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "campaign/admin/clone";
        } catch (ConflictException e) {
            flash.error(redirect, e);
            redirect.addFlashAttribute("cloneForm", form);
            return "redirect:/admin/campaigns/" + id + "/clone";
        }
        flash.success(redirect, "campaignadmin.clone.done", String.valueOf(campaign.year()),
                String.valueOf(copy.year()));
        return "redirect:/admin/campaigns/" + copy.id();
    }

    @GetMapping("/activate")
    String confirmActivation(@PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("current", campaigns.current().orElse(null));
        return "campaign/admin/activate";
    }

    @PostMapping("/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Campaign c = campaigns.activate(id);
            flash.success(redirect, "campaignadmin.activate.done", c.title());
            return "redirect:/admin/campaigns/" + id;
        } catch (ConflictException e) {
            flash.error(redirect, e);
            return "redirect:/admin/campaigns/" + id + "/activate";
        }
    }
}
