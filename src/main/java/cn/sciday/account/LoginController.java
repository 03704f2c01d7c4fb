package cn.sciday.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.DemoMode;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.PersonalData;
import cn.sciday.web.RateLimitedRedirect;
import cn.sciday.web.TooManyRequestsException;

/** The login page: staff with username and password, the public with a mobile number and a one-time code. */
@Controller
class LoginController {

    private final VerificationCodes codes;
    private final SessionLogin sessionLogin;
    private final DemoMode demo;
    private final LoginLimits loginLimits;
    /** Where an anonymous visitor was going (e.g. /quiz/login) before the login page: we send them back there. */
    private final RequestCache requestCache = new HttpSessionRequestCache();

    LoginController(VerificationCodes codes, SessionLogin sessionLogin, DemoMode demo, LoginLimits loginLimits) {
        this.loginLimits = loginLimits;
        this.codes = codes;
        this.sessionLogin = sessionLogin;
        this.demo = demo;
    }

    @GetMapping("/login")
    String page(Model model) {
        model.addAttribute("demo", demo.isOn());
        return "account/login";
    }

    /** A login refused by {@link LoginRateLimitFilter}: the 429 page (a direct visit goes back to the login page). */
    @RequestMapping(LoginRateLimitFilter.REFUSED)
    String tooMany(HttpServletRequest request) {
        if (request.getAttribute(LoginRateLimitFilter.RETRY_AFTER) instanceof Long wait) {
            throw loginLimits.refused(wait);
        }
        return "redirect:/login";
    }

    @PostMapping("/login/code")
    String sendCode(@RequestParam(defaultValue = "") String mobile, HttpServletRequest request,
            RedirectAttributes flash) {
        String normalized = PersonalData.normalizeMobile(mobile);
        flash.addFlashAttribute("mobile", normalized);
        try {
            long seconds = codes.send(normalized, request.getRemoteAddr());
            flash.addFlashAttribute("codeSent", seconds / 60);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("mobileError", e.firstMessage());
        } catch (TooManyRequestsException e) {
            RateLimitedRedirect.remember(flash, e);
            flash.addFlashAttribute("codeSent", VerificationCodes.VALID.toMinutes());
            flash.addFlashAttribute("mobileError", e.getMessage());
        }
        return "redirect:/login#public";
    }

    @PostMapping("/login/mobile")
    String verify(@RequestParam(defaultValue = "") String mobile, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            sessionLogin.login(codes.verify(mobile, code, request.getRemoteAddr()), request, response);
            SavedRequest saved = requestCache.getRequest(request, response);
            return "redirect:" + (saved == null ? "/workbench" : saved.getRedirectUrl());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("mobile", PersonalData.normalizeMobile(mobile));
            flash.addFlashAttribute("codeSent", VerificationCodes.VALID.toMinutes());
            if ("mobile".equals(e.problems().get(0).field())) {
                flash.addFlashAttribute("mobileError", e.firstMessage());
            } else {
                flash.addFlashAttribute("codeError", e.firstMessage());
            }
            return "redirect:/login#public";
        }
    }
}
