package cn.sciday.organization;

/** Levels of the 归口 hierarchy. */
public enum OrganizationKind {
    /** The city association (市科协), root of the hierarchy. */
    CITY,
    /** A county-level division (市(区)), coordinated by its science association. */
    DIVISION,
    /** A city department (市直部门) that coordinates units of its system. */
    DEPARTMENT,
    /** A unit that runs activities: school, museum, enterprise, society… */
    UNIT
}
