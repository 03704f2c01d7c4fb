package cn.sciday.online;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.Flash;
import cn.sciday.web.FormErrors;
import cn.sciday.web.InvalidInputException;

/** City admins list, add, change and remove live streams. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class LiveStreamAdminController {

    private final LiveStreams streams;
    private final Flash flash;

    LiveStreamAdminController(LiveStreams streams, Flash flash) {
        this.streams = streams;
        this.flash = flash;
    }

    @GetMapping("/admin/online/streams")
    String list(Model model) {
        model.addAttribute("streams", streams.all());
        model.addAttribute("now", streams.now());
        return "online/admin/streams";
    }

    @GetMapping("/admin/online/streams/new")
    String newForm(Model model) {
        model.addAttribute("streamForm", LiveStreamForm.empty());
        model.addAttribute("streamId", null);
        return "online/admin/stream-form";
    }

    @PostMapping("/admin/online/streams")
    String create(Actor actor, @ModelAttribute("streamForm") LiveStreamForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                LiveStream s = streams.create(actor, form);
                flash.success(redirect, "online.admin.stream.saved", s.title());
                return "redirect:/admin/online/streams";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("streamId", null);
        return "online/admin/stream-form";
    }

    @GetMapping("/admin/online/streams/{id}")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("streamForm", LiveStreamForm.of(streams.get(id)));
        model.addAttribute("streamId", id);
        return "online/admin/stream-form";
    }

    @PostMapping("/admin/online/streams/{id}")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute("streamForm") LiveStreamForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        streams.get(id);
        if (!result.hasErrors()) {
            try {
                LiveStream s = streams.edit(actor, id, form);
                flash.success(redirect, "online.admin.stream.saved", s.title());
                return "redirect:/admin/online/streams";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("streamId", id);
        return "online/admin/stream-form";
    }

    @PostMapping("/admin/online/streams/{id}/delete")
    String delete(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        LiveStream s = streams.get(id);
        streams.delete(actor, id);
        flash.success(redirect, "online.admin.stream.deleted", s.title());
        return "redirect:/admin/online/streams";
    }
}
