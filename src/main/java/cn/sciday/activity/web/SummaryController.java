package cn.sciday.activity.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.activity.SummaryKind;
import cn.sciday.activity.SummaryManagement;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/**
 * Summary pages: a unit's own stage and full summaries; a coordinator's own and its units' states; the city's view of
 * every division, department and unit. One summary's page with its text and attachments, and accept.
 */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'COORDINATOR', 'CITY_ADMIN')")
class SummaryController {

    private final SummaryManagement summaries;
    private final MessageSource messages;

    SummaryController(SummaryManagement summaries, MessageSource messages) {
        this.summaries = summaries;
        this.messages = messages;
    }

    @GetMapping("/summaries")
    public String board(Actor actor, Model model) {
        model.addAttribute("board", summaries.board(actor));
        model.addAttribute("maxFiles", SummaryManagement.MAX_FILES);
        return "completion/summaries";
    }

    @GetMapping("/summaries/{id}")
    public String show(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("summary", summaries.get(actor, id));
        return "completion/summary";
    }

    @PostMapping("/summaries/submit/{kind}")
    public String submit(Actor actor, @PathVariable String kind, @RequestParam(required = false) String body,
            @RequestParam(required = false) List<MultipartFile> files,
            @RequestParam(required = false) List<Long> removeFileIds, RedirectAttributes redirect, Locale locale) {
        SummaryKind k = kind(kind);
        try {
            summaries.submit(actor, k, body, Uploads.of(files), removeFileIds);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.summary",
                    new Object[] {messages.getMessage("completion.summary.kind." + k, null, locale)}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.firstMessage());
            redirect.addFlashAttribute("draft" + k, body);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/summaries#summary-" + k;
    }

    @PostMapping("/summaries/{id}/accept")
    public String accept(Actor actor, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            summaries.accept(actor, id);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("completion.flash.accepted", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/summaries/" + id;
    }

    static SummaryKind kind(String text) {
        try {
            return SummaryKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("summary kind " + text);
        }
    }
}
