package cn.sciday.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An organizer whose unit was waiting gets the unit's approval on the next request, without logging in again;
 * one whose account was disabled meanwhile is logged out.
 */
class PendingOrganizerFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    PendingOrganizerFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SciDayPrincipal p && p.actor().isOrganizer()
                && !p.actor().unitApproved()) {
            accounts.currentActor(p.actor().accountId()).ifPresentOrElse(actor -> {
                if (actor.unitApproved()) {
                    SciDayPrincipal upgraded = new SciDayPrincipal(actor, null, true, false);
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(upgraded, null,
                            upgraded.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    repository.saveContext(context, request, response);
                }
            }, SecurityContextHolder::clearContext);
        }
        chain.doFilter(request, response);
    }
}
