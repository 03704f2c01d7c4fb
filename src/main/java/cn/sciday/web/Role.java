package cn.sciday.web;

/** The roles of DESIGN.md: 市科协 staff, a division's or department's coordinator, a unit's organizer, the public. */
public enum Role {
    CITY_ADMIN, COORDINATOR, ORGANIZER, PUBLIC;

    public String authority() {
        return "ROLE_" + name();
    }
}
