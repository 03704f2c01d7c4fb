package cn.sciday.activity.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.sciday.activity.SummaryBoard;
import cn.sciday.activity.SummaryKind;
import cn.sciday.activity.SummaryManagement;
import cn.sciday.activity.SummaryState;
import cn.sciday.activity.SummaryView;
import cn.sciday.web.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Stage and full summaries over JSON, with the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/summaries")
@Tag(name = "summaries", description = "阶段性总结、全面总结")
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class SummaryApiController {

    private final SummaryManagement summaries;

    SummaryApiController(SummaryManagement summaries) {
        this.summaries = summaries;
    }

    @GetMapping
    @Operation(summary = "States (MISSING, SUBMITTED, ACCEPTED; late, overdue) of the summaries the caller oversees")
    public List<SummaryState> list(Actor actor, @RequestParam(required = false) SummaryKind kind) {
        return summaries.states(actor, kind);
    }

    @GetMapping("/board")
    @Operation(summary = "Own summaries, units' and (city) divisions' and departments' states, as on /summaries")
    public SummaryBoard board(Actor actor) {
        return summaries.board(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One summary with its text and attachments")
    public SummaryView get(Actor actor, @PathVariable long id) {
        return summaries.get(actor, id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit or resubmit the caller's own summary (kind STAGE or FULL): text, new files, files to "
            + "remove; 409 once accepted")
    public SummaryView submit(Actor actor, @RequestParam(required = false) SummaryKind kind,
            @RequestParam(required = false) String body, @RequestPart(required = false) List<MultipartFile> files,
            @RequestParam(required = false) List<Long> removeFileIds) {
        return summaries.submit(actor, kind, body, Uploads.of(files), removeFileIds);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a submitted summary (the unit's coordinator, or the city)")
    public SummaryView accept(Actor actor, @PathVariable long id) {
        return summaries.accept(actor, id);
    }
}
