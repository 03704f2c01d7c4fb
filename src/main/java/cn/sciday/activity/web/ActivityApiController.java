package cn.sciday.activity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityChangeView;
import cn.sciday.activity.ActivityFilter;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityPage;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.ActivityTransitionView;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.BatchResult;
import cn.sciday.web.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Activities for staff: the same rules as the pages. Another unit's activity answers 404, a wrong role 403,
 * invalid input 400 with a message per field, a transition the state does not allow 409 with the reason. The form is
 * validated by {@link Activities} after scope and role, so that a caller who may not act learns nothing from it.
 */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "activities", description = "活动：申报、审核、发布")
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class ActivityApiController {

    /** A reason (return, cancel, withdraw). */
    record ReasonRequest(String reason) {
    }

    /** An optional comment (endorse, approve). */
    record CommentRequest(String comment) {
    }

    /** Several activities to endorse or approve together. */
    record BatchRequest(List<Long> ids, String comment) {
    }

    private final Activities activities;

    ActivityApiController(Activities activities) {
        this.activities = activities;
    }

    @PostMapping
    @Operation(summary = "Create a draft activity for the caller's own organization")
    public ResponseEntity<ActivityView> create(Actor actor, @RequestBody ActivityForm form) {
        ActivityView created = activities.create(actor, form);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List the activities the caller may see (filters: status, division, jointAction, lateOnly)")
    public ActivityPage<ActivityView> list(Actor actor, @RequestParam(required = false) ActivityStatus status,
            @RequestParam(required = false) Long division, @RequestParam(required = false) Integer jointAction,
            @RequestParam(defaultValue = "false") boolean lateOnly, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return activities.visibleTo(actor, new ActivityFilter(status, division, jointAction, lateOnly, page, size));
    }

    @GetMapping("/review-queue")
    @Operation(summary = "What waits for the caller's review (coordinators and the city)")
    public ActivityPage<ActivityView> reviewQueue(Actor actor, @RequestParam(required = false) Long division,
            @RequestParam(required = false) Integer jointAction, @RequestParam(defaultValue = "false") boolean lateOnly,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return activities.reviewQueue(actor, new ActivityFilter(null, division, jointAction, lateOnly, page, size));
    }

    @GetMapping("/counts")
    @Operation(summary = "How many activities of each state the caller may see")
    public Map<ActivityStatus, Long> counts(Actor actor) {
        return activities.countsByStatus(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One activity, with the actions the caller may take now")
    public ActivityView get(Actor actor, @PathVariable long id) {
        return activities.get(actor, id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The activity's transitions: who, when, from which state to which, comment")
    public List<ActivityTransitionView> history(Actor actor, @PathVariable long id) {
        return activities.history(actor, id);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "Changes after publication, with values before and after")
    public List<ActivityChangeView> changes(Actor actor, @PathVariable long id) {
        return activities.changes(actor, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a draft or returned activity; once published only time, place, format, URL, capacity")
    public ActivityView edit(Actor actor, @PathVariable long id, @RequestBody ActivityForm form) {
        return activities.edit(actor, id, form);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit (or resubmit after a return) for review")
    public ActivityView submit(Actor actor, @PathVariable long id) {
        return activities.submit(actor, id);
    }

    @PostMapping("/{id}/endorse")
    @Operation(summary = "Endorse a unit's submitted activity to the city (its coordinator)")
    public ActivityView endorse(Actor actor, @PathVariable long id,
            @RequestBody(required = false) CommentRequest body) {
        return activities.endorse(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return an activity in review to its organizer; reason required")
    public ActivityView returnFor(Actor actor, @PathVariable long id,
            @RequestBody(required = false) ReasonRequest body) {
        return activities.returnFor(actor, id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve and publish (the city)")
    public ActivityView approve(Actor actor, @PathVariable long id,
            @RequestBody(required = false) CommentRequest body) {
        return activities.approve(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a draft, returned or submitted activity (its organizer)")
    public ActivityView withdraw(Actor actor, @PathVariable long id,
            @RequestBody(required = false) ReasonRequest body) {
        return activities.withdraw(actor, id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a published activity; reason required")
    public ActivityView cancel(Actor actor, @PathVariable long id,
            @RequestBody(required = false) ReasonRequest body) {
        return activities.cancel(actor, id, body == null ? null : body.reason());
    }

    @PostMapping("/batch/endorse")
    @Operation(summary = "Endorse several activities: all or nothing (409 lists the failures)")
    public ResponseEntity<BatchResult> endorseAll(Actor actor, @RequestBody BatchRequest body) {
        return answer(activities.endorseAll(actor, body.ids(), body.comment()));
    }

    @PostMapping("/batch/approve")
    @Operation(summary = "Approve and publish several activities: all or nothing (409 lists the failures)")
    public ResponseEntity<BatchResult> approveAll(Actor actor, @RequestBody BatchRequest body) {
        return answer(activities.approveAll(actor, body.ids(), body.comment()));
    }

    private static ResponseEntity<BatchResult> answer(BatchResult result) {
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.CONFLICT).body(result);
    }
}
