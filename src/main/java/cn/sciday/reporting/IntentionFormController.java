package cn.sciday.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.Actor;
import cn.sciday.web.TooManyRequests;

/** The intention form: the template download, the import page and the import API (multipart field {@code file}). */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class IntentionFormController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final IntentionForms forms;
    private final RateLimits limits;
    private final TooManyRequests tooMany;

    IntentionFormController(IntentionForms forms, RateLimits limits, TooManyRequests tooMany) {
        this.forms = forms;
        this.limits = limits;
        this.tooMany = tooMany;
    }

    @GetMapping({"/forms/intention-template.xlsx", "/api/v1/forms/intention-template.xlsx"})
    void template(Actor actor, HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", attachment(forms.templateFileName()));
        forms.template(actor, response.getOutputStream());
    }

    @GetMapping("/forms/intention")
    String page(Actor actor, Model model) {
        model.addAttribute("maxRows", IntentionSheet.MAX_DATA_ROWS);
        model.addAttribute("proxy", !actor.isOrganizer());
        return "reporting/intention";
    }

    @PostMapping("/forms/intention")
    String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        ImportResult result = run(actor, file);
        model.addAttribute("result", result);
        model.addAttribute("maxRows", IntentionSheet.MAX_DATA_ROWS);
        model.addAttribute("proxy", !actor.isOrganizer());
        return "reporting/intention";
    }

    @PostMapping("/api/v1/forms/intention")
    @ResponseBody
    ResponseEntity<ImportResult> api(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        ImportResult result = run(actor, file);
        return ResponseEntity.status(result.ok() ? HttpStatus.CREATED : HttpStatus.BAD_REQUEST).body(result);
    }

    /** Imports the file; 429 with Retry-After when the account imports too often (imports-per-account). */
    private ImportResult run(Actor actor, MultipartFile file) throws IOException {
        limits.check(Rule.IMPORTS_PER_ACCOUNT, "intention:" + actor.accountId(),
                wait -> tooMany.exception("ratelimit.import", wait));
        if (file == null || file.isEmpty()) {
            return ImportResult.refused(java.util.List.of(ImportProblem.of(0, null, "reporting.error.fileRequired")));
        }
        try (InputStream in = file.getInputStream()) {
            return forms.importForm(actor, file.getSize(), in);
        }
    }

    static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
