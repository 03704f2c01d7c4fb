package cn.sciday.account;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Counts failed logins per account (5 lock it for 15 minutes) and announces logins for the audit trail. */
@Component
class LoginThrottle {

    private final AccountRepository repo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginThrottle(AccountRepository repo, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).strip();
        boolean locked = repo.findByUsername(username).map(a -> {
            boolean now = a.recordFailure(clock.instant());
            repo.update(a);
            return now;
        }).orElse(false);
        events.publishEvent(new AccountLoginFailed(username, locked, address()));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof SciDayPrincipal p)) {
            return;
        }
        repo.findById(p.actor().accountId()).ifPresent(a -> {
            a.recordSuccess(clock.instant());
            repo.update(a);
        });
        events.publishEvent(new AccountLoggedIn(p.actor().accountId(), p.actor().username(), address()));
    }

    static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
