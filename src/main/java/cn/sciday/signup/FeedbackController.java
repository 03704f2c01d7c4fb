package cn.sciday.signup;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.PublicPaths;

/** Feedback pages and API: attendees rate once after the end; staff hide abuse with a reason. */
@Controller
class FeedbackController {

    record FeedbackRequest(Integer rating, String comment) {
    }

    record PublicFeedback(FeedbackSummary summary, List<Feedback> comments) {
    }

    private final Feedbacks feedbacks;
    private final Registrations registrations;

    FeedbackController(Feedbacks feedbacks, Registrations registrations) {
        this.feedbacks = feedbacks;
        this.registrations = registrations;
    }

    @Bean
    static PublicPaths signupPaths() {
        return PublicPaths.of("/api/v1/public/activities/*/feedback");
    }

    @PostMapping("/tickets/{ticketId}/feedback")
    String give(Actor actor, @PathVariable long ticketId, @RequestParam long activityId,
            @RequestParam(defaultValue = "0") int rating, @RequestParam(required = false) String comment,
            RedirectAttributes flash) {
        Ticket ticket = registrations.ticket(actor, ticketId); // someone else's ticket: 404
        if (ticket.activityId() != activityId) {
            throw new NotFoundException("ticket " + ticketId + " of activity " + activityId);
        }
        try {
            feedbacks.give(actor, activityId, rating, comment);
            flash.addFlashAttribute("notice", "signup.feedback.thanks");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.firstMessage());
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tickets/" + ticketId;
    }

    @PostMapping("/activities/{id}/feedback/{feedbackId}/hide")
    String hide(Actor actor, @PathVariable long id, @PathVariable long feedbackId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        try {
            feedbacks.hide(actor, feedbackId, reason);
            flash.addFlashAttribute("notice", "signup.feedback.hidden");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.firstMessage());
        }
        return "redirect:/activities/" + id + "/registrations";
    }

    @PostMapping("/api/v1/activities/{id}/feedback")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate an attended activity once (1-5) with an optional comment, after it ended")
    Feedback giveApi(Actor actor, @PathVariable long id, @RequestBody FeedbackRequest body) {
        return feedbacks.give(actor, id, body.rating() == null ? 0 : body.rating(), body.comment());
    }

    @GetMapping("/api/v1/public/activities/{id}/feedback")
    @ResponseBody
    @Operation(summary = "An activity's average rating and its visible comments")
    PublicFeedback publicFeedback(@PathVariable long id) {
        return new PublicFeedback(feedbacks.summary(id), feedbacks.visible(id));
    }
}
