package cn.sciday.signup;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.Actor;

/** Sign-up over the API, with the same rules as the pages. */
@RestController
class SignupApiController {

    record CheckInRequest(String code) {
    }

    private final Registrations registrations;
    private final SignupLimits limits;

    SignupApiController(Registrations registrations, SignupLimits limits) {
        this.registrations = registrations;
        this.limits = limits;
    }

    @PostMapping("/api/v1/activities/{id}/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign the caller (a public user) up; status is CONFIRMED or WAITLISTED; 429 with Retry-After "
            + "when the person or the address signs up too often")
    Ticket register(Actor actor, @PathVariable long id, @RequestBody SignupForm form, HttpServletRequest request) {
        limits.check(actor, request.getRemoteAddr());
        return registrations.register(actor, id, form);
    }

    @GetMapping("/api/v1/registrations")
    @Operation(summary = "The caller's registrations")
    List<Ticket> mine(Actor actor) {
        return registrations.myTickets(actor);
    }

    @GetMapping("/api/v1/registrations/{id}")
    @Operation(summary = "One of the caller's registrations (another person's answers 404)")
    Ticket one(Actor actor, @PathVariable long id) {
        return registrations.ticket(actor, id);
    }

    @DeleteMapping("/api/v1/registrations/{id}")
    @Operation(summary = "Cancel one's registration; a freed seat goes to the first person waiting")
    Ticket cancel(Actor actor, @PathVariable long id) {
        return registrations.cancel(actor, id);
    }

    @PostMapping("/api/v1/activities/{id}/check-ins")
    @Operation(summary = "Check a ticket in by its code (organizer of the activity, coordinator above, city)")
    Ticket checkIn(Actor actor, @PathVariable long id, @RequestBody CheckInRequest body) {
        return registrations.checkIn(actor, id, body.code());
    }

    @GetMapping("/api/v1/activities/{id}/registrations")
    @Operation(summary = "An activity's registrations for its organizer, the coordinator above and the city")
    List<Ticket> ofActivity(Actor actor, @PathVariable long id) {
        return registrations.registrationsOf(actor, id);
    }
}
