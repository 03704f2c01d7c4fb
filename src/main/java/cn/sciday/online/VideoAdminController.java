package cn.sciday.online;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.FormErrors;
import cn.sciday.web.InvalidInputException;

/** City admins review short-video entries (approve, or return with a reason) and set up the rounds. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class VideoAdminController {

    private final VideoEntries videos;
    private final Flash flash;

    VideoAdminController(VideoEntries videos, Flash flash) {
        this.videos = videos;
        this.flash = flash;
    }

    @GetMapping("/admin/online/videos")
    String list(@RequestParam(defaultValue = "PENDING") VideoEntryStatus status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("entries", videos.forReview(status));
        model.addAttribute("statuses", VideoEntryStatus.values());
        return "online/admin/videos";
    }

    @GetMapping("/admin/online/videos/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("entry", videos.forAdmin(actor, id));
        return "online/admin/video";
    }

    @PostMapping("/admin/online/videos/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            VideoEntry e = videos.approve(actor, id);
            flash.success(redirect, "online.admin.video.approved", e.title());
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/online/videos";
    }

    @PostMapping("/admin/online/videos/{id}/reject")
    String reject(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        try {
            VideoEntry e = videos.reject(actor, id, reason);
            flash.success(redirect, "online.admin.video.rejected", e.title());
        } catch (InvalidInputException e) {
            model.addAttribute("entry", videos.forAdmin(actor, id));
            model.addAttribute("reasonError", e.firstMessage());
            return "online/admin/video";
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/online/videos";
    }

    // ---- rounds -------------------------------------------------------------------------------------------------

    @GetMapping("/admin/online/rounds")
    String rounds(Model model) {
        model.addAttribute("rounds", videos.rounds());
        return "online/admin/rounds";
    }

    @GetMapping("/admin/online/rounds/new")
    String newRound(Model model) {
        model.addAttribute("roundForm", new VideoRoundForm("", "", "", "300", "300", "1", "5",
                String.join("\n", VideoEntries.DEFAULT_CATEGORIES)));
        model.addAttribute("roundId", null);
        return "online/admin/round-form";
    }

    @PostMapping("/admin/online/rounds")
    String create(Actor actor, @ModelAttribute("roundForm") VideoRoundForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                VideoRound r = videos.createRound(actor, form);
                flash.success(redirect, "online.admin.round.saved", r.title());
                return "redirect:/admin/online/rounds";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("roundId", null);
        return "online/admin/round-form";
    }

    @GetMapping("/admin/online/rounds/{id}")
    String editRound(@PathVariable long id, Model model) {
        model.addAttribute("roundForm", VideoRoundForm.of(videos.round(id)));
        model.addAttribute("roundId", id);
        return "online/admin/round-form";
    }

    @PostMapping("/admin/online/rounds/{id}")
    String saveRound(Actor actor, @PathVariable long id, @ModelAttribute("roundForm") VideoRoundForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        videos.round(id);
        if (!result.hasErrors()) {
            try {
                VideoRound r = videos.editRound(actor, id, form);
                flash.success(redirect, "online.admin.round.saved", r.title());
                return "redirect:/admin/online/rounds";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("roundId", id);
        return "online/admin/round-form";
    }
}
