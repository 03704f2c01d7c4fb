package cn.sciday.reporting;

import java.util.List;

/**
 * Whose activities a report covers: the whole city, one division or department with the units under it (its 归口),
 * or one organization alone. {@code name} is what the report is titled with.
 */
record ReportScope(Kind kind, Long organizationId, String name) {

    enum Kind {
        CITY, BODY, ORGANIZATION
    }

    static ReportScope city(String name) {
        return new ReportScope(Kind.CITY, null, name);
    }

    static ReportScope body(long id, String name) {
        return new ReportScope(Kind.BODY, id, name);
    }

    static ReportScope organization(long id, String name) {
        return new ReportScope(Kind.ORGANIZATION, id, name);
    }

    /** A SQL condition on activity {@code a} and its organization {@code o}, with its parameters added to {@code args}. */
    String where(List<Object> args) {
        return switch (kind) {
            case CITY -> "1 = 1";
            case BODY -> {
                args.add(organizationId);
                args.add(organizationId);
                yield "(a.organization_id = ? or o.parent_id = ?)";
            }
            case ORGANIZATION -> {
                args.add(organizationId);
                yield "a.organization_id = ?";
            }
        };
    }

    /** The same condition on an organization {@code o} (for lists of units). */
    String whereOrganization(List<Object> args) {
        return switch (kind) {
            case CITY -> "1 = 1";
            case BODY -> {
                args.add(organizationId);
                args.add(organizationId);
                yield "(o.id = ? or o.parent_id = ?)";
            }
            case ORGANIZATION -> {
                args.add(organizationId);
                yield "o.id = ?";
            }
        };
    }
}
