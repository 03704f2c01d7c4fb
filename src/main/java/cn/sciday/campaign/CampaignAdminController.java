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

/** City admin: the list of campaign plans and the headline of one plan. */
@Controller
@RequestMapping("/admin/campaigns")
@PreAuthorize("hasRole('CITY_ADMIN')")
class CampaignAdminController {

    private final CampaignManagement campaigns;
    private final Flash flash;

    CampaignAdminController(CampaignManagement campaigns, Flash flash) {
        this.campaigns = campaigns;
        this.flash = flash;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("currentId", campaigns.current().map(Campaign::id).orElse(null));
        return "campaign/admin/list";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(id);
        model.addAttribute("headline", CampaignHeadlineForm.of(campaign));
        return page(campaign, model);
    }

    @PostMapping("/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("headline") CampaignHeadlineForm headline,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(id);
        if (result.hasErrors()) {
            return page(campaign, model);
        }
        try {
            campaigns.edit(id, headline.details());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return page(campaign, model);
        } catch (ConflictException e) {
            flash.error(redirect, e);
            return "redirect:/admin/campaigns/" + id;
        }
        flash.success(redirect, "campaignadmin.headline.saved");
        return "redirect:/admin/campaigns/" + id;
    }

    private String page(Campaign campaign, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("current", campaigns.current().map(c -> c.id().equals(campaign.id())).orElse(false));
        return "campaign/admin/edit";
    }
}
