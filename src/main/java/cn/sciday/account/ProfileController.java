package cn.sciday.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.InvalidInputException;

/** One's own account: change password (staff), API tokens (issue, see, revoke). */
@Controller
class ProfileController {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final java.time.Clock clock;

    ProfileController(Accounts accounts, ApiTokens tokens, java.time.Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/profile")
    String profile(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("tokens", tokens.of(actor.accountId()));
        model.addAttribute("now", clock.instant());
        return "account/profile";
    }

    @PostMapping("/profile/tokens")
    String issue(Actor actor, @RequestParam(defaultValue = "") String label, RedirectAttributes flash) {
        try {
            ApiTokens.Issued issued = tokens.issue(actor.accountId(), label,
                    actor.isPublic() ? ApiTokens.PUBLIC_TTL : ApiTokens.STAFF_TTL);
            flash.addFlashAttribute("newToken", issued.token());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("tokenError", e.firstMessage());
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(actor, id);
        flash.addFlashAttribute("notice", "account.profile.tokenRevoked");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String password(Actor actor, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String next, @RequestParam(defaultValue = "") String confirm,
            RedirectAttributes flash) {
        try {
            if (!next.equals(confirm)) {
                throw new InvalidInputException("confirm", "account.error.newPasswordsDiffer");
            }
            accounts.changePassword(actor, current, next);
            flash.addFlashAttribute("notice", "account.profile.passwordChanged");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("passwordError", e.firstMessage());
        }
        return "redirect:/profile";
    }
}
