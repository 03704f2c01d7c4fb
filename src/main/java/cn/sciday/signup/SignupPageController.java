package cn.sciday.signup;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/** A citizen signs up (rate-limited: {@link SignupLimits}), sees the e-ticket, lists and cancels registrations. */
@Controller
class SignupPageController {

    private final Registrations registrations;
    private final Feedbacks feedbacks;
    private final SignupLimits limits;

    SignupPageController(Registrations registrations, Feedbacks feedbacks, SignupLimits limits) {
        this.registrations = registrations;
        this.feedbacks = feedbacks;
        this.limits = limits;
    }

    @GetMapping("/activities/{id}/signup")
    String form(Actor actor, @PathVariable long id, Model model) {
        SeatInfo seats = registrations.seats(id).orElseThrow(() -> new NotFoundException("activity " + id));
        model.addAttribute("seats", seats);
        model.addAttribute("activityId", id);
        model.addAttribute("activityName", registrations.activityName(id));
        model.addAttribute("isPublic", actor.isPublic());
        return "signup/form";
    }

    @PostMapping("/activities/{id}/signup")
    String signUp(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String idNumber, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        limits.check(actor, request.getRemoteAddr());
        try {
            Ticket ticket = registrations.register(actor, id, new SignupForm(name, idNumber));
            flash.addFlashAttribute("justRegistered", true);
            return "redirect:/tickets/" + ticket.id();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.firstMessage());
            model.addAttribute("errorField", e.problems().get(0).field());
            model.addAttribute("name", name);
            return form(actor, id, model);
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/my/tickets";
        }
    }

    @GetMapping("/my/tickets")
    String mine(Actor actor, Model model) {
        model.addAttribute("tickets", registrations.myTickets(actor));
        return "signup/tickets";
    }

    @GetMapping("/tickets/{id}")
    String ticket(Actor actor, @PathVariable long id, Model model) {
        Ticket ticket = registrations.ticket(actor, id);
        model.addAttribute("ticket", ticket);
        boolean ended = !feedbacks.now().isBefore(ticket.endsAt());
        model.addAttribute("canRate", ended && ticket.checkedIn() && !feedbacks.hasGiven(actor, ticket.activityId()));
        model.addAttribute("rated", feedbacks.hasGiven(actor, ticket.activityId()));
        return "signup/ticket";
    }

    @GetMapping("/tickets/{id}/qr.png")
    ResponseEntity<byte[]> qr(Actor actor, @PathVariable long id) {
        Ticket t = registrations.ticket(actor, id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(t.code(), 320));
    }

    @PostMapping("/tickets/{id}/cancel")
    String cancel(Actor actor, @PathVariable long id, RedirectAttributes flash) {
        try {
            registrations.cancel(actor, id);
            flash.addFlashAttribute("notice", "signup.cancelled");
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/my/tickets";
    }
}
