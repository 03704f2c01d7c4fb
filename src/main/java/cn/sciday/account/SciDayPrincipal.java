package cn.sciday.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.sciday.web.Actor;
import cn.sciday.web.ActorPrincipal;
import cn.sciday.web.Role;

/**
 * The logged-in account. Authorities: {@code ROLE_<role>}, plus {@code APPROVED} for everyone but an organizer whose
 * unit still waits for approval — such an organizer can log in and do nothing else.
 */
final class SciDayPrincipal implements UserDetails, CredentialsContainer, ActorPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String APPROVED = "APPROVED";

    private final Actor actor;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    SciDayPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority(actor.role().authority()));
        if (actor.role() != Role.ORGANIZER || actor.unitApproved()) {
            list.add(new SimpleGrantedAuthority(APPROVED));
        }
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SciDayPrincipal p && p.actor.accountId() == actor.accountId();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(actor.accountId());
    }
}
