package cn.sciday.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the login form's attempts ({@code POST /login}, before Spring Security checks the password): a refused one
 * never reaches the password check and is forwarded, with 429 and Retry-After, to {@code /login/too-many}, which shows
 * the error page in the layout and in the reader's language ({@link LoginController}).
 */
final class LoginRateLimitFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER = LoginRateLimitFilter.class.getName() + ".retryAfter";
    static final String REFUSED = "/login/too-many";

    private final LoginLimits limits;

    LoginRateLimitFilter(LoginLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = limits.acquire(request.getParameter("username"), request.getRemoteAddr());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(wait));
        request.setAttribute(RETRY_AFTER, wait);
        request.getRequestDispatcher(REFUSED).forward(request, response);
    }
}
