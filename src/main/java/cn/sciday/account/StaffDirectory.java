package cn.sciday.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.sciday.organization.OrganizationKind;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** What the city admin's account pages and API show: staff rows with organization names, and the choices. */
@Component
class StaffDirectory {

    private final Accounts accounts;
    private final Organizations organizations;

    StaffDirectory(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** The staff accounts the actor may see, optionally of one role, with their organizations' names. */
    List<StaffAccountRow> rows(Actor actor, Role role) {
        Map<Long, String> names = new LinkedHashMap<>();
        names.put(organizations.city().id(), organizations.city().name());
        organizations.coordinatingBodies().forEach(o -> names.put(o.id(), o.name()));
        organizations.unitsVisibleTo(actor, null).forEach(o -> names.put(o.id(), o.name()));
        return accounts.staffVisibleTo(actor).stream().filter(a -> role == null || a.role() == role)
                .map(a -> StaffAccountRow.of(a, names)).toList();
    }

    StaffAccountRow row(long id) {
        StaffAccount a = accounts.staff(id);
        String name = a.organizationId() == null ? null
                : organizations.find(a.organizationId()).map(OrganizationView::name).orElse(null);
        return StaffAccountRow.of(a, name == null ? Map.of() : Map.of(a.organizationId(), name));
    }

    /** Where a new account can belong: the city association (city admins), divisions, departments. */
    OrganizationChoices choices() {
        List<OrganizationView> bodies = organizations.coordinatingBodies();
        return new OrganizationChoices(organizations.city(),
                bodies.stream().filter(o -> o.kind() == OrganizationKind.DIVISION).toList(),
                bodies.stream().filter(o -> o.kind() == OrganizationKind.DEPARTMENT).toList());
    }

    record OrganizationChoices(OrganizationView city, List<OrganizationView> divisions,
            List<OrganizationView> departments) {
    }
}
