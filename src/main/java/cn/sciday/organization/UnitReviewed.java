package cn.sciday.organization;

/** A coordinator (or the city) approved or rejected a unit; {@code reason} is set for a rejection. */
public record UnitReviewed(long unitId, String name, OrganizationStatus status, String reason, long reviewerId) {
}
