package cn.sciday.organization;

/** A city admin created or edited a division or department. */
public record OrganizationChanged(long organizationId, String name, String change) {
}
