package cn.sciday.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

import cn.sciday.web.Actors;

/**
 * Every page gets {@code unreadCount} for the layout's "收件箱 (N)" link: the logged-in actor's unread messages, or
 * none for anonymous visitors. It is added after the handler, to the model of a page that is about to be rendered
 * (a GET outside {@code /api/} and {@code /media/}), so that API calls, files, form posts and redirects pay nothing
 * for it; as a {@code @ModelAttribute} advice it ran, with its argument resolution, on every request.
 */
@Configuration(proxyBeanMethods = false)
class UnreadCountInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Notifications notifications;

    UnreadCountInterceptor(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !rendersPage(request, page)) {
            return;
        }
        Actors.current().map(notifications::unreadCount).ifPresent(n -> page.addObject("unreadCount", n));
    }

    private static boolean rendersPage(HttpServletRequest request, ModelAndView page) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String view = page.getViewName();
        return "GET".equals(request.getMethod()) && !path.startsWith("/api/") && !path.startsWith("/media/")
                && !(page.getView() instanceof RedirectView) && (view == null || !view.startsWith("redirect:"));
    }
}
