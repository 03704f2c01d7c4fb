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
import cn.sciday.web.NotFoundException;

/** City admin: one joint action, one milestone's due date — each on its own page. */
@Controller
@RequestMapping("/admin/campaigns/{id}")
@PreAuthorize("hasRole('CITY_ADMIN')")
class CampaignPartsController {

    private final CampaignManagement campaigns;
    private final Flash flash;

    CampaignPartsController(CampaignManagement campaigns, Flash flash) {
        this.campaigns = campaigns;
        this.flash = flash;
    }

    @GetMapping("/joint-actions/{number}")
    String jointAction(@PathVariable long id, @PathVariable int number, Model model) {
        Campaign campaign = campaigns.get(id);
        model.addAttribute("jointAction", JointActionForm.of(jointAction(campaign, number)));
        return jointActionPage(campaign, number, model);
    }

    @PostMapping("/joint-actions/{number}")
    String saveJointAction(@PathVariable long id, @PathVariable int number,
            @Valid @ModelAttribute("jointAction") JointActionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(id);
        jointAction(campaign, number);
        if (result.hasErrors()) {
            return jointActionPage(campaign, number, model);
        }
        try {
            campaigns.editJointAction(id, number, form.name(), form.description(), form.leadUnitList());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return jointActionPage(campaign, number, model);
        } catch (ConflictException e) {
            flash.error(redirect, e);
            return "redirect:/admin/campaigns/" + id + "/joint-actions/" + number;
        }
        flash.success(redirect, "campaignadmin.jointAction.saved", number, form.name().strip());
        return "redirect:/admin/campaigns/" + id + "#joint-actions";
    }

    @GetMapping("/milestones/{kind}")
    String milestone(@PathVariable long id, @PathVariable MilestoneKind kind, Model model) {
        Campaign campaign = campaigns.get(id);
        model.addAttribute("milestone", new MilestoneForm(campaign.milestone(kind).dueOn()));
        return milestonePage(campaign, kind, model);
    }

    @PostMapping("/milestones/{kind}")
    String moveMilestone(@PathVariable long id, @PathVariable MilestoneKind kind,
            @Valid @ModelAttribute("milestone") MilestoneForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(id);
        Milestone milestone = campaign.milestone(kind);
        if (result.hasErrors()) {
            return milestonePage(campaign, kind, model);
        }
        try {
            campaigns.moveMilestone(id, kind, form.dueOn());
        } catch (ConflictException e) {
            flash.error(redirect, e);
            return "redirect:/admin/campaigns/" + id + "/milestones/" + kind;
        }
        flash.success(redirect, "campaignadmin.milestone.saved", milestone.title());
        return "redirect:/admin/campaigns/" + id + "#milestones";
    }

    private static JointAction jointAction(Campaign campaign, int number) {
        return campaign.jointAction(number).orElseThrow(() -> new NotFoundException("joint action " + number));
    }

    private String jointActionPage(Campaign campaign, int number, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("number", number);
        model.addAttribute("original", jointAction(campaign, number));
        return "campaign/admin/joint-action";
    }

    private String milestonePage(Campaign campaign, MilestoneKind kind, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("original", campaign.milestone(kind));
        return "campaign/admin/milestone";
    }
}
