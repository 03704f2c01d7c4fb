package cn.sciday.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A page form refused by a rate limit keeps post/redirect/get, so the person sees the message where they typed, and
 * the page the redirect leads to answers 429 with Retry-After: a browser shows the page as usual, a script that
 * follows redirects sees that it was refused and for how long.
 */
public final class RateLimitedRedirect {

    static final String RETRY_AFTER = "tooManyRequestsRetryAfter";

    private RateLimitedRedirect() {
    }

    /** Call where the controller catches the refusal and redirects with its message. */
    public static void remember(RedirectAttributes redirect, TooManyRequestsException e) {
        redirect.addFlashAttribute(RETRY_AFTER, e.retryAfterSeconds());
    }

    static HandlerInterceptor interceptor() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
                if (flash != null && flash.get(RETRY_AFTER) instanceof Long seconds) {
                    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                    response.setHeader("Retry-After", String.valueOf(seconds));
                }
                return true;
            }
        };
    }
}
