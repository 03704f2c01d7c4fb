package cn.sciday.campaign;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The campaign plan as JSON; public, no login. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "campaign", description = "活动方案")
class CampaignApiController {

    private final CampaignManagement campaigns;

    CampaignApiController(CampaignManagement campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/current")
    @Operation(summary = "The current campaign: theme, period, main event, themes, joint actions, milestones")
    CampaignJson current() {
        return CampaignJson.of(campaigns.requireCurrent());
    }
}
