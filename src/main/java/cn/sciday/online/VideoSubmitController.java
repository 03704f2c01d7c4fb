package cn.sciday.online;

import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.InvalidInputException;

/** A public user or a unit enters a short video, lists its entries and changes one that waits or was returned. */
@Controller
@PreAuthorize("hasRole('PUBLIC') or hasRole('ORGANIZER')")
class VideoSubmitController {

    static final Set<String> FILE_FIELDS = Set.of("video", "cover");

    private final VideoEntries videos;
    private final Flash flash;

    VideoSubmitController(VideoEntries videos, Flash flash) {
        this.videos = videos;
        this.flash = flash;
    }

    @GetMapping("/my/videos")
    String mine(Actor actor, Model model) {
        model.addAttribute("entries", videos.mine(actor));
        model.addAttribute("round", videos.currentRound().orElse(null));
        model.addAttribute("roundOpen", videos.currentRound().map(r -> r.isOpen(videos.now())).orElse(false));
        return "online/videos/mine";
    }

    @GetMapping("/my/videos/new")
    String newForm(Actor actor, Model model) {
        model.addAttribute("entryForm", VideoEntryForm.empty());
        return form(actor, null, model);
    }

    @PostMapping("/my/videos")
    String submit(Actor actor, @ModelAttribute("entryForm") VideoEntryForm form, BindingResult result,
            @RequestParam(required = false) MultipartFile videoFile,
            @RequestParam(required = false) MultipartFile coverFile, Model model, RedirectAttributes redirect) {
        try {
            VideoEntry e = videos.submit(actor, form, OnlineUpload.of(videoFile), OnlineUpload.of(coverFile));
            flash.success(redirect, "online.video.submitted", e.title());
            return "redirect:/my/videos";
        } catch (InvalidInputException e) {
            OnlineForms.reject(result, model, e, FILE_FIELDS);
        } catch (ConflictException e) {
            result.reject("conflict", e.getMessage());
        }
        return form(actor, null, model);
    }

    @GetMapping("/my/videos/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        VideoEntry entry = videos.own(actor, id);
        model.addAttribute("entryForm", VideoEntryForm.of(entry));
        return form(actor, entry, model);
    }

    @PostMapping("/my/videos/{id}")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute("entryForm") VideoEntryForm form, BindingResult result,
            @RequestParam(required = false) MultipartFile videoFile,
            @RequestParam(required = false) MultipartFile coverFile, Model model, RedirectAttributes redirect) {
        VideoEntry entry = videos.own(actor, id);
        try {
            VideoEntry e = videos.edit(actor, id, form, OnlineUpload.of(videoFile), OnlineUpload.of(coverFile));
            flash.success(redirect, "online.video.resubmitted", e.title());
            return "redirect:/my/videos";
        } catch (InvalidInputException e) {
            OnlineForms.reject(result, model, e, FILE_FIELDS);
        } catch (ConflictException e) {
            result.reject("conflict", e.getMessage());
        }
        return form(actor, entry, model);
    }

    private String form(Actor actor, VideoEntry entry, Model model) {
        OnlineForms.fileErrors(model);
        model.addAttribute("entry", entry);
        model.addAttribute("round", videos.currentRound().orElse(null));
        model.addAttribute("roundOpen", videos.currentRound().map(r -> r.isOpen(videos.now())).orElse(false));
        model.addAttribute("organizer", actor.isOrganizer());
        return "online/videos/form";
    }
}
