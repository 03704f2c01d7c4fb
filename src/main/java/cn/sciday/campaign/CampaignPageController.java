package cn.sciday.campaign;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public campaign plan page (the home page belongs to the portal module). */
@Controller
class CampaignPageController {

    private final CampaignManagement campaigns;
    private final Clock clock;

    CampaignPageController(CampaignManagement campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/campaign")
    String campaign(Model model) {
        Campaign campaign = campaigns.requireCurrent();
        model.addAttribute("campaign", campaign);
        model.addAttribute("today", LocalDate.now(clock.withZone(Campaign.ZONE)));
        return "campaign/show";
    }
}
