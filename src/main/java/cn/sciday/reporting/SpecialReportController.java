package cn.sciday.reporting;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.sciday.web.Actor;

/**
 * The special report (专报) for city admins: start a report, watch its progress (htmx polls the progress fragment
 * every 2 s; without JavaScript a link reloads the page), download the .docx once done.
 */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class SpecialReportController {

    private final ReportJobs jobs;

    SpecialReportController(ReportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/reports/special")
    String list(Actor actor, Model model) {
        model.addAttribute("jobs", jobs.recent(actor));
        return "reporting/special-list";
    }

    @PostMapping("/reports/special")
    String start(Actor actor) {
        ReportJobs.Job job = jobs.start(actor);
        return "redirect:/reports/special/" + job.id();
    }

    @GetMapping("/reports/special/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("job", jobs.get(actor, id));
        return "reporting/special";
    }

    @GetMapping("/reports/special/{id}/progress")
    String progress(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("job", jobs.get(actor, id));
        return "reporting/special :: progress";
    }

    @GetMapping({"/reports/special/{id}/report.docx", "/api/v1/reports/special/{id}/report.docx"})
    void download(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        ReportJobs.Job job = jobs.get(actor, id);
        try (InputStream in = jobs.open(actor, id)) {
            response.setContentType(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            response.setHeader("Content-Disposition", IntentionFormController.attachment(jobs.fileName(job)));
            in.transferTo(response.getOutputStream());
        }
    }

    @PostMapping("/api/v1/reports/special")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReportJobs.Job startApi(Actor actor) {
        return jobs.start(actor);
    }

    @GetMapping("/api/v1/reports/special/{id}")
    @ResponseBody
    ReportJobs.Job getApi(Actor actor, @PathVariable long id) {
        return jobs.get(actor, id);
    }
}
