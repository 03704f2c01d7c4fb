package cn.sciday.online;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Flash;

/** The review queue of likes that looked scripted: void them (they stop counting) or keep them. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class LikeFlagAdminController {

    private final Likes likes;
    private final Flash flash;

    LikeFlagAdminController(Likes likes, Flash flash) {
        this.likes = likes;
        this.flash = flash;
    }

    @GetMapping("/admin/online/flags")
    String list(Model model) {
        model.addAttribute("flags", likes.openFlags(500));
        model.addAttribute("total", likes.openFlagCount());
        return "online/admin/flags";
    }

    @PostMapping("/admin/online/flags/{likeId}/void")
    String voidLike(Actor actor, @PathVariable long likeId, RedirectAttributes redirect) {
        try {
            LikeResult r = likes.voidLike(actor, likeId);
            flash.success(redirect, "online.admin.flags.voided", r.likes());
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/online/flags";
    }

    @PostMapping("/admin/online/flags/{likeId}/keep")
    String keep(Actor actor, @PathVariable long likeId, RedirectAttributes redirect) {
        try {
            likes.keep(actor, likeId);
            flash.success(redirect, "online.admin.flags.kept");
        } catch (ConflictException e) {
            flash.error(redirect, e);
        }
        return "redirect:/admin/online/flags";
    }
}
