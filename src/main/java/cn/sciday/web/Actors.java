package cn.sciday.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, if someone is logged in. */
public final class Actors {

    private Actors() {
    }

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ActorPrincipal p) {
            return Optional.of(p.actor());
        }
        return Optional.empty();
    }
}
