package cn.sciday.campaign;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public pages: the home page and the campaign plan page. */
@Controller
class CampaignPageController {

    private final CampaignManagement campaigns;
    private final Clock clock;

    CampaignPageController(CampaignManagement campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        Campaign campaign = campaigns.requireCurrent();
        LocalDate today = LocalDate.now(clock.withZone(Campaign.ZONE));
        model.addAttribute("campaign", campaign);
        model.addAttribute("today", today);
        model.addAttribute("nextMilestone", campaign.milestones().stream()
                .filter(m -> !m.dueOn().isBefore(today)).findFirst().orElse(null));
        return "home";
    }

    @GetMapping("/campaign")
    String campaign(Model model) {
        Campaign campaign = campaigns.requireCurrent();
        model.addAttribute("campaign", campaign);
        model.addAttribute("today", LocalDate.now(clock.withZone(Campaign.ZONE)));
        return "campaign/show";
    }
}
