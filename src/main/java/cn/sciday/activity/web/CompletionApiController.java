package cn.sciday.activity.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.sciday.activity.ActivityFiles;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.BatchResult;
import cn.sciday.activity.CompletionForm;
import cn.sciday.activity.CompletionLinkForm;
import cn.sciday.activity.CompletionManagement;
import cn.sciday.activity.CompletionOverview;
import cn.sciday.activity.CompletionView;
import cn.sciday.activity.OrganizationCompletion;
import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.Actor;
import cn.sciday.web.TooManyRequests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Completion and proposal files over JSON, with the same rules as the pages: another unit's activity 404, a role
 * that may not change it 403, bad input 400 (files are checked by their content), a state that does not allow it 409.
 */
@RestController
@Tag(name = "completion", description = "信息完善、疫情防控方案、盖章扫描件")
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class CompletionApiController {

    private final CompletionManagement completions;
    private final ActivityUploads uploads;
    private final RateLimits limits;
    private final TooManyRequests tooMany;

    CompletionApiController(CompletionManagement completions, ActivityUploads uploads, RateLimits limits,
            TooManyRequests tooMany) {
        this.completions = completions;
        this.uploads = uploads;
        this.limits = limits;
        this.tooMany = tooMany;
    }

    @GetMapping("/api/v1/activities/{id}/files")
    @Operation(summary = "The activity's epidemic-prevention plan and stamped scan (media files), null when absent")
    public ActivityFiles files(Actor actor, @PathVariable long id) {
        return uploads.files(actor, id);
    }

    @PostMapping(path = "/api/v1/activities/{id}/epidemic-plan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach or replace the epidemic-prevention plan (PDF, DOCX, JPEG, PNG; at most 10 MB)")
    public ActivityView plan(Actor actor, @PathVariable long id, @RequestPart(required = false) MultipartFile file) {
        return uploads.attachEpidemicPlan(actor, id, Uploads.of(file));
    }

    @PostMapping(path = "/api/v1/activities/batch/submit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit several activities with one stamped scan (PDF, JPG, PNG; at most 10 MB): all or "
            + "nothing (409 lists the failures); 429 with Retry-After when the account sends too many batches")
    public ResponseEntity<BatchResult> submitBatch(Actor actor, @RequestParam(required = false) List<Long> ids,
            @RequestPart(required = false) MultipartFile file) {
        limits.check(Rule.IMPORTS_PER_ACCOUNT, "batch-scan:" + actor.accountId(),
                wait -> tooMany.exception("ratelimit.import", wait));
        BatchResult result = uploads.submitWithScan(actor, ids, Uploads.of(file));
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.CONFLICT).body(result);
    }

    @GetMapping("/api/v1/completion")
    @Operation(summary = "Completion overview: divisions and departments, units, own activities, with scores")
    public CompletionOverview overview(Actor actor) {
        return completions.overview(actor);
    }

    @GetMapping("/api/v1/completion/{organizationId}")
    @Operation(summary = "One organization's published activities with their completion")
    public OrganizationCompletion organization(Actor actor, @PathVariable long organizationId) {
        return completions.organization(actor, organizationId);
    }

    @GetMapping("/api/v1/activities/{id}/completion")
    @Operation(summary = "An activity's completion: photos, links, participants, online URL, summary, score, late")
    public CompletionView get(Actor actor, @PathVariable long id) {
        return completions.view(actor, id);
    }

    @PutMapping("/api/v1/activities/{id}/completion")
    @Operation(summary = "Set actual participants, online URL and summary (blank = not given)")
    public CompletionView update(Actor actor, @PathVariable long id, @RequestBody(required = false) CompletionForm form) {
        return completions.update(actor, id, form == null ? new CompletionForm(null, null, null) : form);
    }

    @PostMapping(path = "/api/v1/activities/{id}/completion/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo (JPEG or PNG, at most 10 MB; at most 9 per activity)")
    public ResponseEntity<CompletionView> addPhoto(Actor actor, @PathVariable long id,
            @RequestPart(required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(completions.addPhoto(actor, id, Uploads.of(file)));
    }

    @DeleteMapping("/api/v1/activities/{id}/completion/photos/{photoId}")
    @Operation(summary = "Remove a photo")
    public CompletionView removePhoto(Actor actor, @PathVariable long id, @PathVariable long photoId) {
        return completions.removePhoto(actor, id, photoId);
    }

    @PostMapping("/api/v1/activities/{id}/completion/links")
    @Operation(summary = "Add a news report (NEWS) or video (VIDEO) link: title and http(s) URL")
    public ResponseEntity<CompletionView> addLink(Actor actor, @PathVariable long id,
            @RequestBody(required = false) CompletionLinkForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(completions.addLink(actor, id, form));
    }

    @DeleteMapping("/api/v1/activities/{id}/completion/links/{linkId}")
    @Operation(summary = "Remove a link")
    public CompletionView removeLink(Actor actor, @PathVariable long id, @PathVariable long linkId) {
        return completions.removeLink(actor, id, linkId);
    }
}
