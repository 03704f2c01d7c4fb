package cn.sciday.organization;

import java.util.List;

/** A division or department on the city admin's list: its names and how many units it has, by review state. */
record CoordinatingBodyOverview(long id, OrganizationKind kind, String name, String fullName, List<String> aliases,
        int approvedUnits, int pendingUnits, int rejectedUnits) {
}
