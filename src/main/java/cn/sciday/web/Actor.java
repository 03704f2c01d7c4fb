package cn.sciday.web;

import java.io.Serializable;

/**
 * Who is acting: the logged-in account with its role and the organization it acts for (the city association for
 * a city admin, a division or department for a coordinator, a unit for an organizer, none for the public).
 * {@code unitApproved} is false for an organizer whose unit still waits for its coordinator's approval.
 * Serializable: it lives in the login session, which a shared session store (JDBC, Redis) serializes.
 */
public record Actor(long accountId, String username, String displayName, Role role, Long organizationId,
        boolean unitApproved) implements Serializable {

    public boolean is(Role r) {
        return role == r;
    }

    public boolean isCityAdmin() {
        return role == Role.CITY_ADMIN;
    }

    public boolean isCoordinator() {
        return role == Role.COORDINATOR;
    }

    public boolean isOrganizer() {
        return role == Role.ORGANIZER;
    }

    public boolean isPublic() {
        return role == Role.PUBLIC;
    }

    public boolean isStaff() {
        return role != Role.PUBLIC;
    }
}
