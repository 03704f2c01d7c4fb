package cn.sciday.activity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.Audience;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.Organizations;

/** What several activity pages put in the model: the campaign, divisions and choice lists. */
@Component
class ActivityPages {

    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final Clock clock;

    ActivityPages(CampaignManagement campaigns, Organizations organizations, Clock clock) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.clock = clock;
    }

    Campaign campaign() {
        return campaigns.requireCurrent();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Campaign.ZONE));
    }

    /** Campaign, divisions, joint actions, themes, audiences, formats and states for forms and filters. */
    void choices(Model model) {
        Campaign campaign = campaign();
        model.addAttribute("campaign", campaign);
        model.addAttribute("divisions", organizations.divisions());
        model.addAttribute("audiences", Arrays.asList(Audience.values()));
        model.addAttribute("formats", Arrays.asList(ActivityFormat.values()));
        model.addAttribute("statuses", List.of(ActivityStatus.values()));
        model.addAttribute("today", today());
    }
}
