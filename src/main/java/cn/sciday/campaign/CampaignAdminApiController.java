package cn.sciday.campaign;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** City admin API for campaign plans: the same rules as the pages under /admin/campaigns. */
@RestController
@RequestMapping("/api/v1/admin/campaigns")
@PreAuthorize("hasRole('CITY_ADMIN')")
@Tag(name = "campaign-admin", description = "活动方案管理（市科协）")
class CampaignAdminApiController {

    /** A campaign in the list: {@code current} marks the one the city runs now. */
    record CampaignSummary(long id, int year, String title, String status, boolean current) {
    }

    /** A joint action's new text; lead units as a list. */
    record JointActionBody(
            @NotBlank(message = "{campaignadmin.jointAction.name.required}")
            @Size(max = 100, message = "{campaignadmin.jointAction.name.size}") String name,
            @Size(max = 4000, message = "{campaignadmin.jointAction.description.size}") String description,
            @NotEmpty(message = "{campaignadmin.jointAction.leadUnits.required}")
            List<@NotBlank(message = "{campaignadmin.jointAction.leadUnits.required}")
                @Size(max = 100, message = "{campaignadmin.jointAction.leadUnit.size}") String> leadUnits) {
    }

    private final CampaignManagement campaigns;

    CampaignAdminApiController(CampaignManagement campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping
    @Operation(summary = "All campaign plans, latest year first; current marks the running one")
    List<CampaignSummary> list() {
        Long currentId = campaigns.current().map(Campaign::id).orElse(null);
        return campaigns.all().stream().map(c -> new CampaignSummary(c.id(), c.year(), c.title(), c.status().name(),
                c.id().equals(currentId))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign plan in full")
    CampaignJson get(@PathVariable long id) {
        return CampaignJson.of(campaigns.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit the headline: title, theme, period, brand label, affiliation, late submission")
    CampaignJson edit(@PathVariable long id, @Valid @RequestBody CampaignHeadlineForm body) {
        return CampaignJson.of(campaigns.edit(id, body.details()));
    }

    @PutMapping("/{id}/joint-actions/{number}")
    @Operation(summary = "Edit one joint action: name, description, lead units")
    CampaignJson editJointAction(@PathVariable long id, @PathVariable int number,
            @Valid @RequestBody JointActionBody body) {
        return CampaignJson.of(campaigns.editJointAction(id, number, body.name(), body.description(),
                body.leadUnits()));
    }

    @PutMapping("/{id}/milestones/{kind}")
    @Operation(summary = "Move a milestone's due date")
    CampaignJson moveMilestone(@PathVariable long id, @PathVariable MilestoneKind kind,
            @Valid @RequestBody MilestoneForm body) {
        return CampaignJson.of(campaigns.moveMilestone(id, kind, body.dueOn()));
    }

    @PostMapping("/{id}/clone")
    @Operation(summary = "Copy the plan to a later year as a draft (dates move on); 409 if that year exists")
    ResponseEntity<CampaignJson> cloneToYear(@PathVariable long id, @Valid @RequestBody CloneForm body) {
        Campaign copy = campaigns.cloneToYear(id, body.year());
        return ResponseEntity.created(URI.create("/api/v1/admin/campaigns/" + copy.id())).body(CampaignJson.of(copy));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Make a draft the current plan; the running one is closed")
    CampaignJson activate(@PathVariable long id) {
        return CampaignJson.of(campaigns.activate(id));
    }
}
