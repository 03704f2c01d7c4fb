package cn.sciday.activity.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.activity.ActivityUploads;
import cn.sciday.activity.BatchResult;
import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.TooManyRequests;

/**
 * Uploads of a proposal as forms: the epidemic-prevention plan on the activity's page, and "submit the selected
 * activities with the stamped scan" on "my activities". Post/redirect/get with a flash message. The batch is an
 * import: 429 with Retry-After when the account sends too many ({@code sciday.rate-limits.imports-per-account}).
 */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class ActivityUploadController {

    private final ActivityUploads uploads;
    private final MessageSource messages;
    private final RateLimits limits;
    private final TooManyRequests tooMany;

    ActivityUploadController(ActivityUploads uploads, MessageSource messages, RateLimits limits,
            TooManyRequests tooMany) {
        this.uploads = uploads;
        this.messages = messages;
        this.limits = limits;
        this.tooMany = tooMany;
    }

    @PostMapping("/activities/manage/{id}/epidemic-plan")
    public String plan(Actor actor, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect, Locale locale) {
        try {
            uploads.attachEpidemicPlan(actor, id, Uploads.of(file));
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.plan", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.firstMessage());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/activities/manage/" + id + "#plan-title";
    }

    @PostMapping("/my/activities/submit-batch")
    public String submitBatch(Actor actor, @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale) {
        limits.check(Rule.IMPORTS_PER_ACCOUNT, "batch-scan:" + actor.accountId(),
                wait -> tooMany.exception("ratelimit.import", wait));
        try {
            BatchResult result = uploads.submitWithScan(actor, ids, Uploads.of(file));
            if (result.ok()) {
                redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.batchSubmitted",
                        new Object[] {result.done().size()}, locale));
            } else {
                redirect.addFlashAttribute("flashError",
                        messages.getMessage("completion.flash.batchFailed", null, locale));
                redirect.addFlashAttribute("batchFailures", result.failed());
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.firstMessage());
        }
        return "redirect:/my/activities";
    }
}
