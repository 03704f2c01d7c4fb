package cn.sciday.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import cn.sciday.web.Actor;

/** Logs a verified public user into the browser session, with a new session id (no session fixation). */
@Component
class SessionLogin {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final ApplicationEventPublisher events;

    SessionLogin(ApplicationEventPublisher events) {
        this.events = events;
    }

    void login(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SciDayPrincipal principal = new SciDayPrincipal(actor, null, true, false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        events.publishEvent(new AccountLoggedIn(actor.accountId(), actor.username(), request.getRemoteAddr()));
    }
}
