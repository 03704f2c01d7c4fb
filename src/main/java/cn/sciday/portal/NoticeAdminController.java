package cn.sciday.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;
import cn.sciday.web.FormErrors;
import cn.sciday.web.InvalidInputException;

/** City admins: list, write, edit, publish and unpublish notices, and attach or remove files. */
@Controller
@RequestMapping("/admin/notices")
@PreAuthorize("hasRole('CITY_ADMIN')")
class NoticeAdminController {

    private final Notices notices;
    private final PortalPages pages;
    private final Flash flash;

    NoticeAdminController(Notices notices, PortalPages pages, Flash flash) {
        this.notices = notices;
        this.pages = pages;
        this.flash = flash;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("notices", notices.all(actor));
        return "portal/admin/notices";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("noticeForm", NoticeForm.empty(pages.today()));
        return "portal/admin/notice-new";
    }

    @PostMapping
    String create(Actor actor, @Valid @ModelAttribute("noticeForm") NoticeForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "portal/admin/notice-new";
        }
        try {
            NoticeView created = notices.create(actor, form);
            flash.success(redirect, "portal.admin.created", created.title());
            return "redirect:/admin/notices/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "portal/admin/notice-new";
        }
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable long id, Model model) {
        NoticeView notice = notices.get(actor, id);
        model.addAttribute("notice", notice);
        if (!model.containsAttribute("noticeForm")) {
            model.addAttribute("noticeForm", NoticeForm.of(notice));
        }
        model.addAttribute("kinds", AttachmentKind.values());
        return "portal/admin/notice-edit";
    }

    @PostMapping("/{id}")
    String save(Actor actor, @PathVariable long id, @Valid @ModelAttribute("noticeForm") NoticeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                notices.edit(actor, id, form);
                flash.success(redirect, "portal.admin.saved");
                return "redirect:/admin/notices/" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                result.reject("conflict", e.getMessage());
            }
        }
        model.addAttribute("notice", notices.get(actor, id));
        model.addAttribute("kinds", AttachmentKind.values());
        return "portal/admin/notice-edit";
    }

    @PostMapping("/{id}/publish")
    String publish(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            notices.publish(actor, id);
            flash.success(redirect, "portal.admin.published");
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/notices/" + id;
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            notices.unpublish(actor, id);
            flash.success(redirect, "portal.admin.unpublished");
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/notices/" + id;
    }

    @PostMapping("/{id}/attachments")
    String attach(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String label,
            @RequestParam(required = false) AttachmentKind kind,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        boolean empty = file == null || file.isEmpty();
        try (InputStream in = empty ? null : file.getInputStream()) {
            notices.attach(actor, id, label, kind, empty ? null : file.getOriginalFilename(), in);
            flash.success(redirect, "portal.admin.attached");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("attachmentError", e.firstMessage());
            redirect.addFlashAttribute("attachmentErrorField", e.problems().get(0).field());
            redirect.addFlashAttribute("attachmentLabel", label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/admin/notices/" + id + "#attachments";
    }

    @PostMapping("/{id}/attachments/{attachmentId}/delete")
    String detach(Actor actor, @PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        notices.detach(actor, id, attachmentId);
        flash.success(redirect, "portal.admin.detached");
        return "redirect:/admin/notices/" + id + "#attachments";
    }
}
