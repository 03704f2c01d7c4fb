package cn.sciday.online;

/** Where a volunteer profile stands: waiting for the city, shown publicly, or returned to the unit with a reason. */
public enum VolunteerStatus {
    PENDING, APPROVED, REJECTED
}
