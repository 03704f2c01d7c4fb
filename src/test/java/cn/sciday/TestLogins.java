package cn.sciday;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.sciday.web.Actor;
import cn.sciday.web.ActorPrincipal;
import cn.sciday.web.Role;

/**
 * Logs a MockMvc request in as an actor without an account row (for module tests). Authorities follow the app's
 * rules: {@code ROLE_<role>}, and {@code APPROVED} unless an organizer's unit is pending.
 */
public final class TestLogins {

    private static final AtomicLong IDS = new AtomicLong(900_000);

    private TestLogins() {
    }

    /** A new actor with a fresh account id. */
    public static Actor actor(Role role, Long organizationId) {
        long id = IDS.incrementAndGet();
        return new Actor(id, role.name().toLowerCase() + id, role.name() + " " + id, role, organizationId, true);
    }

    public static Actor pendingOrganizer(long unitId) {
        long id = IDS.incrementAndGet();
        return new Actor(id, "pending" + id, "pending " + id, Role.ORGANIZER, unitId, false);
    }

    public static RequestPostProcessor as(Actor actor) {
        return SecurityMockMvcRequestPostProcessors.authentication(authentication(actor));
    }

    public static UsernamePasswordAuthenticationToken authentication(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(actor.role().authority()));
        if (actor.role() != Role.ORGANIZER || actor.unitApproved()) {
            authorities.add(new SimpleGrantedAuthority("APPROVED"));
        }
        return UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, authorities);
    }

    record Principal(Actor actor) implements ActorPrincipal, java.security.Principal {

        @Override
        public String getName() {
            return actor.username();
        }
    }
}
