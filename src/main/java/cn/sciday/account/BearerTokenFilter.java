package cn.sciday.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import cn.sciday.web.Actor;
import cn.sciday.web.UserMessage;
import cn.sciday.web.UserMessages;

/** {@code Authorization: Bearer sd_…} on {@code /api/**} authenticates the request as the token's account. */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String INVALID = "account.error.tokenInvalid";

    private final ApiTokens tokens;
    private final UserMessages messages;
    private final LocaleResolver locales;

    BearerTokenFilter(ApiTokens tokens, UserMessages messages, LocaleResolver locales) {
        this.tokens = tokens;
        this.messages = messages;
        this.locales = locales;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !hasBearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(7).strip();
        Optional<Actor> actor = tokens.authenticate(token);
        if (actor.isEmpty()) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            String detail = messages.text(UserMessage.of(INVALID), locales.resolveLocale(request));
            response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"code\":\"" + INVALID
                    + "\",\"detail\":\"" + detail.replace("\\", "").replace("\"", "") + "\"}");
            return;
        }
        SciDayPrincipal principal = new SciDayPrincipal(actor.get(), null, true, false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
