package cn.sciday.signup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
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

/** The organizer's registration desk: the list (phones masked), one phone revealed (audited), export, check-in. */
@Controller
class RegistrationDeskController {

    private final Registrations registrations;
    private final Feedbacks feedbacks;
    private final ApplicationEventPublisher events;

    RegistrationDeskController(Registrations registrations, Feedbacks feedbacks, ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.feedbacks = feedbacks;
        this.events = events;
    }

    @GetMapping("/activities/{id}/registrations")
    String list(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("tickets", registrations.registrationsOf(actor, id));
        model.addAttribute("seats", registrations.seats(id).orElseThrow());
        model.addAttribute("activityId", id);
        model.addAttribute("activityName", registrations.activityName(id));
        model.addAttribute("feedback", feedbacks.all(actor, id));
        model.addAttribute("summary", feedbacks.summary(id));
        return "signup/registrations";
    }

    @PostMapping("/activities/{id}/registrations/{registrationId}/mobile")
    String reveal(Actor actor, @PathVariable long id, @PathVariable long registrationId, RedirectAttributes flash) {
        flash.addFlashAttribute("revealedId", registrationId);
        flash.addFlashAttribute("revealedMobile", registrations.revealMobile(actor, registrationId, id));
        return "redirect:/activities/" + id + "/registrations";
    }

    @GetMapping("/activities/{id}/registrations.xlsx")
    ResponseEntity<byte[]> export(Actor actor, @PathVariable long id) throws IOException {
        var tickets = registrations.registrationsOf(actor, id);
        String name = registrations.activityName(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegistrationExport.write(name, tickets, out);
        events.publishEvent(new SignupEvents.ListExported(id, actor.accountId(), tickets.size()));
        String file = URLEncoder.encode(name + "-报名名单.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registrations.xlsx\"; filename*=UTF-8''" + file)
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(out.toByteArray());
    }

    @GetMapping("/activities/{id}/check-in")
    String checkInPage(Actor actor, @PathVariable long id, Model model) {
        registrations.registrationsOf(actor, id);
        model.addAttribute("activityId", id);
        model.addAttribute("activityName", registrations.activityName(id));
        model.addAttribute("checkedIn", registrations.checkedIn(id));
        model.addAttribute("seats", registrations.seats(id).orElseThrow());
        return "signup/checkin";
    }

    @PostMapping("/activities/{id}/check-in")
    String checkIn(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String code,
            RedirectAttributes flash) {
        try {
            Ticket t = registrations.checkIn(actor, id, code);
            flash.addFlashAttribute("okName", t.personName());
            flash.addFlashAttribute("okCode", t.code());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.firstMessage());
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/activities/" + id + "/check-in";
    }
}
