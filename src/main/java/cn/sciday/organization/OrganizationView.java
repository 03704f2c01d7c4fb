package cn.sciday.organization;

import java.time.Instant;

/** An organization as other modules and pages see it. */
public record OrganizationView(long id, OrganizationKind kind, String name, String fullName, Long parentId,
        String parentName, UnitType unitType, String creditCode, String contactName, String contactPhone,
        String address, OrganizationStatus status, String rejectionReason, Instant createdAt) {

    public boolean isUnit() {
        return kind == OrganizationKind.UNIT;
    }

    public boolean isCoordinatingBody() {
        return kind == OrganizationKind.DIVISION || kind == OrganizationKind.DEPARTMENT;
    }

    public boolean isApproved() {
        return status == OrganizationStatus.APPROVED;
    }
}
