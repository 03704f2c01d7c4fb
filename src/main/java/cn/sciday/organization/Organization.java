package cn.sciday.organization;

import java.time.Instant;

import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;

/** An organization of the hierarchy; a unit's review is a guarded state change. */
final class Organization {

    final Long id;
    final OrganizationKind kind;
    String name;
    String fullName;
    String aliases;
    final Long parentId;
    final UnitType unitType;
    final String creditCode;
    String contactName;
    String contactPhone;
    String address;
    OrganizationStatus status;
    String rejectionReason;
    Long reviewedBy;
    Instant reviewedAt;
    final Instant createdAt;
    final int version;
    final String parentName;

    Organization(Long id, OrganizationKind kind, String name, String fullName, String aliases, Long parentId,
            UnitType unitType, String creditCode, String contactName, String contactPhone, String address,
            OrganizationStatus status, String rejectionReason, Long reviewedBy, Instant reviewedAt, Instant createdAt,
            int version, String parentName) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.fullName = fullName;
        this.aliases = aliases;
        this.parentId = parentId;
        this.unitType = unitType;
        this.creditCode = creditCode;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.address = address;
        this.status = status;
        this.rejectionReason = rejectionReason;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.createdAt = createdAt;
        this.version = version;
        this.parentName = parentName;
    }

    void approve(long reviewer, Instant at) {
        requireUnit();
        if (status == OrganizationStatus.APPROVED) {
            throw new ConflictException("organization.error.alreadyApproved");
        }
        status = OrganizationStatus.APPROVED;
        rejectionReason = null;
        reviewedBy = reviewer;
        reviewedAt = at;
    }

    void reject(long reviewer, String reason, Instant at) {
        requireUnit();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "organization.error.reasonRequired");
        }
        if (reason.strip().length() > 500) {
            throw new InvalidInputException("reason", "organization.error.reasonTooLong", 500);
        }
        if (status != OrganizationStatus.PENDING) {
            throw new ConflictException(status == OrganizationStatus.APPROVED
                    ? "organization.error.approvedCannotReject" : "organization.error.alreadyRejected");
        }
        status = OrganizationStatus.REJECTED;
        rejectionReason = reason.strip();
        reviewedBy = reviewer;
        reviewedAt = at;
    }

    /** A rejected unit corrects its details and asks again (within the sizes the registration form allows). */
    void resubmit(String newContactName, String newContactPhone, String newAddress) {
        requireUnit();
        if (newContactName.length() > 50) {
            throw new InvalidInputException("contactName", "organization.error.contactNameTooLong");
        }
        if (newAddress != null && newAddress.length() > 200) {
            throw new InvalidInputException("address", "organization.error.addressTooLong");
        }
        if (status != OrganizationStatus.REJECTED) {
            throw new ConflictException("organization.error.resubmitOnlyRejected");
        }
        contactName = newContactName;
        contactPhone = newContactPhone;
        address = newAddress;
        status = OrganizationStatus.PENDING;
    }

    private void requireUnit() {
        if (kind != OrganizationKind.UNIT) {
            throw new ConflictException("organization.error.reviewOnlyUnits");
        }
    }

    OrganizationView view() {
        return new OrganizationView(id, kind, name, fullName, parentId, parentName, unitType, creditCode,
                contactName, contactPhone, address, status, rejectionReason, createdAt);
    }
}
