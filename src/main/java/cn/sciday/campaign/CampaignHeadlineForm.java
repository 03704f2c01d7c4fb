package cn.sciday.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The headline of a campaign as the city admin edits it (page form and API body); an unticked box is false. */
record CampaignHeadlineForm(
        @NotBlank(message = "{campaign.title.required}")
        @Size(max = 200, message = "{campaignadmin.headline.title.size}") String title,
        @NotBlank(message = "{campaign.theme.required}")
        @Size(max = 200, message = "{campaignadmin.headline.theme.size}") String theme,
        @NotNull(message = "{campaignadmin.headline.startsOn.required}") @DateTimeFormat(iso = ISO.DATE)
        LocalDate startsOn,
        @NotNull(message = "{campaignadmin.headline.endsOn.required}") @DateTimeFormat(iso = ISO.DATE)
        LocalDate endsOn,
        @NotBlank(message = "{campaign.brandLabel.required}")
        @Size(max = 100, message = "{campaignadmin.headline.brandLabel.size}") String brandLabel,
        @NotBlank(message = "{campaign.affiliation.required}")
        @Size(max = 100, message = "{campaignadmin.headline.affiliation.size}") String affiliation,
        Boolean lateSubmissionAllowed) {

    static CampaignHeadlineForm of(Campaign c) {
        return new CampaignHeadlineForm(c.title(), c.theme(), c.startsOn(), c.endsOn(), c.brandLabel(),
                c.affiliation(), c.lateSubmissionAllowed());
    }

    CampaignDetails details() {
        return new CampaignDetails(title, theme, startsOn, endsOn, brandLabel, affiliation,
                Boolean.TRUE.equals(lateSubmissionAllowed));
    }
}
