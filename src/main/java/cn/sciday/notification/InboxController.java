package cn.sciday.notification;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.sciday.web.Actor;

/** The in-app inbox page: newest first, unread marked in words; opening a message marks it read (POST). */
@Controller
class InboxController {

    static final int PAGE = 100;

    private final Notifications notifications;
    private final Clock clock;

    InboxController(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A message with its time in the campaign's zone, for the page. */
    record Row(InboxMessage message, ZonedDateTime at) {
    }

    @GetMapping("/inbox")
    String inbox(Actor me, Model model) {
        List<Row> rows = notifications.inbox(me, PAGE).stream()
                .map(m -> new Row(m, m.createdAt().atZone(clock.getZone()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", notifications.count(me));
        model.addAttribute("unread", notifications.unreadCount(me));
        return "notification/inbox";
    }

    /** Marks the message read and opens its link (a path inside the platform), or comes back to the inbox. */
    @PostMapping("/inbox/{id}/read")
    String read(Actor me, @PathVariable long id) {
        InboxMessage m = notifications.markRead(me, id);
        if (m.link() != null && Notifications.isInternalLink(m.link())) {
            return "redirect:" + m.link();
        }
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String readAll(Actor me, RedirectAttributes flash) {
        notifications.markAllRead(me);
        flash.addFlashAttribute("readAll", true);
        return "redirect:/inbox";
    }
}
