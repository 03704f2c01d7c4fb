package cn.sciday.online;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.platform.RateLimits;
import cn.sciday.platform.RateLimits.Rule;
import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.TooManyRequests;

/** The question bank for city admins: list, new, edit, disable and enable, import from xlsx, the template. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class QuestionAdminController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final QuestionBank bank;
    private final RateLimits limits;
    private final TooManyRequests tooMany;

    QuestionAdminController(QuestionBank bank, RateLimits limits, TooManyRequests tooMany) {
        this.bank = bank;
        this.limits = limits;
        this.tooMany = tooMany;
    }

    @GetMapping("/admin/quiz/questions")
    String list(@RequestParam(required = false) String type, @RequestParam(required = false) Integer theme,
            @RequestParam(required = false) String q, Model model) {
        QuestionType t = QuestionType.parse(type).orElse(null);
        model.addAttribute("questions", bank.search(t, theme, q, null));
        model.addAttribute("counts", bank.enabledCounts());
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("themes", bank.themes());
        model.addAttribute("type", t);
        model.addAttribute("theme", theme);
        model.addAttribute("q", q);
        return "quiz/admin/questions";
    }

    @GetMapping("/admin/quiz/questions/new")
    String newForm(Model model) {
        return form(model, QuestionForm.empty(), null, Map.of());
    }

    @PostMapping("/admin/quiz/questions")
    String create(QuestionForm form, Model model, RedirectAttributes flash) {
        try {
            long id = bank.create(form.draft(), "MANUAL");
            flash.addFlashAttribute("notice", "quiz.question.saved");
            flash.addFlashAttribute("noticeArg", id);
            return "redirect:/admin/quiz/questions";
        } catch (InvalidInputException e) {
            return form(model, form, null, problems(e));
        }
    }

    @GetMapping("/admin/quiz/questions/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, QuestionForm.of(bank.get(id)), id, Map.of());
    }

    @PostMapping("/admin/quiz/questions/{id}")
    String update(@PathVariable long id, QuestionForm form, Model model, RedirectAttributes flash) {
        try {
            bank.update(id, form.version() == null ? bank.get(id).version() : form.version(), form.draft());
            flash.addFlashAttribute("notice", "quiz.question.saved");
            flash.addFlashAttribute("noticeArg", id);
            return "redirect:/admin/quiz/questions";
        } catch (InvalidInputException e) {
            return form(model, form, id, problems(e));
        }
    }

    @PostMapping("/admin/quiz/questions/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes flash) {
        bank.setEnabled(id, false);
        flash.addFlashAttribute("notice", "quiz.question.disabled");
        flash.addFlashAttribute("noticeArg", id);
        return "redirect:/admin/quiz/questions";
    }

    @PostMapping("/admin/quiz/questions/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes flash) {
        bank.setEnabled(id, true);
        flash.addFlashAttribute("notice", "quiz.question.enabled");
        flash.addFlashAttribute("noticeArg", id);
        return "redirect:/admin/quiz/questions";
    }

    @GetMapping("/admin/quiz/questions/import")
    String importForm(Model model) {
        model.addAttribute("themes", bank.themes());
        return "quiz/admin/import";
    }

    @PostMapping("/admin/quiz/questions/import")
    String importFile(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes flash) throws IOException {
        limits.check(Rule.IMPORTS_PER_ACCOUNT, "questions:" + actor.accountId(),
                wait -> tooMany.exception("ratelimit.import", wait));
        try {
            int n = bank.importRows(QuestionImport.read(file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes()));
            flash.addFlashAttribute("notice", "quiz.import.done");
            flash.addFlashAttribute("noticeArg", n);
            return "redirect:/admin/quiz/questions";
        } catch (InvalidInputException e) {
            model.addAttribute("themes", bank.themes());
            model.addAttribute("problems", e.problems());
            return "quiz/admin/import";
        }
    }

    @GetMapping("/admin/quiz/questions/template.xlsx")
    ResponseEntity<byte[]> template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuestionTemplate.write(out, bank.themes());
        return xlsx(out.toByteArray(), "科普答题题库导入模板.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.status(HttpStatus.OK)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(XLSX)).body(body);
    }

    private String form(Model model, QuestionForm form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("themes", bank.themes());
        model.addAttribute("letters", java.util.List.of("A", "B", "C", "D", "E", "F"));
        if (id != null) {
            model.addAttribute("timesDrawn", bank.timesDrawn(id));
            model.addAttribute("question", bank.get(id));
        }
        return "quiz/admin/question-form";
    }

    static Map<String, String> problems(InvalidInputException e) {
        Map<String, String> map = new LinkedHashMap<>();
        e.problems().forEach(p -> map.putIfAbsent(p.field(), p.message()));
        return map;
    }
}
