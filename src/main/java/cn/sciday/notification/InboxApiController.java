package cn.sciday.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.sciday.web.Actor;

/** The inbox as JSON: the logged-in account's messages only (another account's message answers 404). */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApiController {

    private final Notifications notifications;

    InboxApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The unread count and the newest messages. */
    record InboxPage(long unreadCount, List<InboxMessage> messages) {
    }

    @GetMapping
    InboxPage inbox(Actor me, @RequestParam(defaultValue = "100") int limit) {
        return new InboxPage(notifications.unreadCount(me), notifications.inbox(me, limit));
    }

    @PostMapping("/{id}/read")
    InboxMessage read(Actor me, @PathVariable long id) {
        return notifications.markRead(me, id);
    }
}
