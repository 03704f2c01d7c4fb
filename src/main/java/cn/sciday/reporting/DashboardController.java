package cn.sciday.reporting;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.sciday.web.Actor;

/** The oversight dashboard (page and JSON) for the city and each coordinator, scoped to what they oversee. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'CITY_ADMIN')")
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String page(Actor actor, Model model) {
        model.addAttribute("d", dashboard.data(actor));
        return "reporting/dashboard";
    }

    @GetMapping("/api/v1/dashboard")
    @ResponseBody
    Dashboard.Data api(Actor actor) {
        return dashboard.data(actor);
    }
}
