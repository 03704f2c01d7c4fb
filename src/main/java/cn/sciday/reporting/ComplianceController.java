package cn.sciday.reporting;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.campaign.MilestoneKind;
import cn.sciday.web.Actor;
import cn.sciday.web.Flash;

/** Deadline compliance of the units a coordinator or the city oversees, and the "remind all late units" action. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'CITY_ADMIN')")
class ComplianceController {

    private final Compliance compliance;
    private final DeadlineReminders reminders;
    private final ReportContext context;
    private final Flash flash;

    ComplianceController(Compliance compliance, DeadlineReminders reminders, ReportContext context, Flash flash) {
        this.compliance = compliance;
        this.reminders = reminders;
        this.context = context;
        this.flash = flash;
    }

    @GetMapping("/compliance")
    String page(Actor actor, @RequestParam(name = "milestone", defaultValue = "INTENTION") MilestoneKind milestone,
            Model model) {
        List<Compliance.MilestoneStatus> all = compliance.all(actor);
        model.addAttribute("all", all);
        model.addAttribute("selected", all.stream().filter(s -> s.kind() == milestone).findFirst().orElseThrow());
        model.addAttribute("today", context.today());
        model.addAttribute("factsWired", context.facts().available());
        return "reporting/compliance";
    }

    @PostMapping("/compliance/remind")
    String remind(Actor actor, @RequestParam("milestone") MilestoneKind milestone, RedirectAttributes redirect) {
        int n = reminders.remindLate(actor, milestone);
        flash.success(redirect, n == 0 ? "reporting.compliance.reminded.none" : "reporting.compliance.reminded", n);
        return "redirect:/compliance?milestone=" + milestone.name();
    }

    @GetMapping("/api/v1/compliance")
    @ResponseBody
    List<Compliance.MilestoneStatus> api(Actor actor) {
        return compliance.all(actor);
    }

    @PostMapping("/api/v1/compliance/{milestone}/remind")
    @ResponseBody
    Map<String, Integer> remindApi(Actor actor, @PathVariable MilestoneKind milestone) {
        return Map.of("reminded", reminders.remindLate(actor, milestone));
    }
}
