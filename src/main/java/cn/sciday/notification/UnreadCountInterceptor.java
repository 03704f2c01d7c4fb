package cn.sciday.notification;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.sciday.web.Actors;

/**
 * Every page gets {@code unreadCount} for the layout's "收件箱 (N)" link: the logged-in actor's unread messages, or
 * null for anonymous visitors (and for API calls, form posts and files, which render no layout).
 */
@ControllerAdvice
class UnreadCountAdvice {

    private final Notifications notifications;

    UnreadCountAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadCount")
    Long unreadCount(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/media/")) {
            return null;
        }
        return Actors.current().map(notifications::unreadCount).orElse(null);
    }
}
