package cn.sciday.reporting;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.sciday.organization.OrganizationView;
import cn.sciday.web.Actor;

/**
 * The reports page of a coordinator or the city, and the summary table download: a coordinator's own, or for the
 * city any one division or department ({@code org}) or all of them (no {@code org}). Another division's table is
 * not found (404).
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'CITY_ADMIN')")
class SummaryTableController {

    private final SummaryTable table;
    private final ReportContext context;

    SummaryTableController(SummaryTable table, ReportContext context) {
        this.table = table;
        this.context = context;
    }

    @GetMapping("/reports")
    String page(Actor actor, Model model) {
        List<OrganizationView> bodies = actor.isCityAdmin() ? context.organizations().coordinatingBodies()
                : List.of(context.organizations().get(actor.organizationId()));
        model.addAttribute("bodies", bodies);
        model.addAttribute("city", actor.isCityAdmin());
        model.addAttribute("campaign", context.campaign());
        return "reporting/reports";
    }

    @GetMapping({"/reports/summary.xlsx", "/api/v1/reports/summary.xlsx"})
    void summary(Actor actor, @RequestParam(name = "org", required = false) Long org, HttpServletResponse response)
            throws IOException {
        String name = table.fileName(actor, org);
        response.setContentType(IntentionFormController.XLSX);
        response.setHeader("Content-Disposition", IntentionFormController.attachment(name));
        table.write(actor, org, response.getOutputStream());
    }
}
