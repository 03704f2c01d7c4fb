package cn.sciday.reporting;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.InvalidInputException;

/**
 * The national-platform filing page and exports: a unit its own published activities, a coordinator its own or one
 * unit's under it, the city any unit, division or department or all ({@code org}); others' are not found (404).
 */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class FilingController {

    static final String CSV = "text/csv; charset=UTF-8";

    private final NationalFiling filing;
    private final ReportContext context;
    private final Flash flash;

    FilingController(NationalFiling filing, ReportContext context, Flash flash) {
        this.filing = filing;
        this.context = context;
        this.flash = flash;
    }

    @GetMapping("/filing")
    String page(Actor actor, @RequestParam(name = "org", required = false) Long org, Model model) {
        model.addAttribute("rows", filing.published(actor, org));
        model.addAttribute("org", org);
        model.addAttribute("scopeName", context.scope(actor, org).name());
        model.addAttribute("ownOrganization", actor.organizationId());
        model.addAttribute("campaign", context.campaign());
        model.addAttribute("bodies", actor.isCityAdmin() ? context.organizations().coordinatingBodies() : List.of());
        return "reporting/filing";
    }

    @GetMapping({"/filing/export.xlsx", "/api/v1/filing/export.xlsx"})
    void xlsx(Actor actor, @RequestParam(name = "org", required = false) Long org, HttpServletResponse response)
            throws IOException {
        String name = filing.fileName(actor, org, "xlsx");
        response.setContentType(IntentionFormController.XLSX);
        response.setHeader("Content-Disposition", IntentionFormController.attachment(name));
        filing.writeXlsx(actor, org, response.getOutputStream());
    }

    @GetMapping({"/filing/export.csv", "/api/v1/filing/export.csv"})
    void csv(Actor actor, @RequestParam(name = "org", required = false) Long org, HttpServletResponse response)
            throws IOException {
        String name = filing.fileName(actor, org, "csv");
        response.setContentType(CSV);
        response.setHeader("Content-Disposition", IntentionFormController.attachment(name));
        filing.writeCsv(actor, org, response.getOutputStream());
    }

    @PostMapping("/filing/{id}/reference")
    String record(Actor actor, @PathVariable long id, @RequestParam(name = "reference", required = false) String ref,
            RedirectAttributes redirect) {
        try {
            filing.record(actor, id, ref);
            flash.success(redirect, "reporting.filing.saved");
        } catch (ConflictException e) {
            flash.error(redirect, e);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.ERROR, e.firstMessage());
        }
        return "redirect:/filing";
    }

    @GetMapping("/api/v1/filing")
    @ResponseBody
    List<ActivityRow> api(Actor actor, @RequestParam(name = "org", required = false) Long org) {
        return filing.published(actor, org);
    }

    /** Body: {@code {"reference": "KPR-2021-0001"}}; a blank reference removes it. */
    @PutMapping("/api/v1/filing/{id}/reference")
    @ResponseBody
    Map<String, Object> recordApi(Actor actor, @PathVariable long id, @RequestBody Map<String, String> body) {
        String ref = filing.record(actor, id, body == null ? null : body.get("reference")).orElse("");
        return Map.of("activityId", id, "reference", ref);
    }
}
