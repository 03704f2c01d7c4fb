package cn.sciday.organization;

/** A unit waits for its coordinator's approval; divisions, departments and the city are approved from the start. */
public enum OrganizationStatus {
    PENDING, APPROVED, REJECTED
}
