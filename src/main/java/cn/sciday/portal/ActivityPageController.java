package cn.sciday.portal;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.PublicActivity;
import cn.sciday.signup.SeatInfo;
import cn.sciday.web.NotFoundException;

/**
 * The public page of a published (or cancelled) activity: everything a participant needs, the seats and the way to
 * sign up, feedback, and a read-aloud button. Anything not public answers 404.
 */
@Controller
class ActivityPageController {

    /** What the sign-up area offers. */
    enum Signup {
        /** Seats left: sign up. */
        OPEN,
        /** Full: join the waitlist. */
        FULL,
        /** The activity takes no sign-up (come along, or see the organizer's notes). */
        NONE,
        /** It has ended. */
        ENDED,
        /** It was cancelled. */
        CANCELLED
    }

    private final PublicCatalog catalog;
    private final PortalPages pages;

    ActivityPageController(PublicCatalog catalog, PortalPages pages) {
        this.catalog = catalog;
        this.pages = pages;
    }

    @GetMapping("/activities/{id:[0-9]+}")
    String show(@PathVariable long id, Model model) {
        PublicActivity a = catalog.activity(id).orElseThrow(() -> new NotFoundException("activity " + id));
        Optional<SeatInfo> seats = catalog.seats(id);
        model.addAttribute("a", a);
        model.addAttribute("seats", seats.orElse(null));
        model.addAttribute("signup", signup(a, seats.orElse(null), pages.now()));
        model.addAttribute("ratings", catalog.ratings(id));
        return "portal/activity";
    }

    static Signup signup(PublicActivity a, SeatInfo seats, LocalDateTime now) {
        if (a.status() == ActivityStatus.CANCELLED) {
            return Signup.CANCELLED;
        }
        if (!now.isBefore(a.endsAt())) {
            return Signup.ENDED;
        }
        if (seats == null || !seats.open()) {
            return Signup.NONE;
        }
        return seats.full() ? Signup.FULL : Signup.OPEN;
    }
}
