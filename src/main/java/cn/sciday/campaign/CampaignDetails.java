package cn.sciday.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The editable headline of a campaign: what a city admin changes on the campaign page. */
public record CampaignDetails(
        @NotBlank(message = "{campaign.title.required}") @Size(max = 200) String title,
        @NotBlank(message = "{campaign.theme.required}") @Size(max = 200) String theme,
        @NotNull(message = "{campaign.period.required}") LocalDate startsOn,
        @NotNull(message = "{campaign.period.required}") LocalDate endsOn,
        @NotBlank(message = "{campaign.brandLabel.required}") @Size(max = 100) String brandLabel,
        @NotBlank(message = "{campaign.affiliation.required}") @Size(max = 100) String affiliation,
        boolean lateSubmissionAllowed) {
}
