package cn.sciday.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Role;

/** Registers a unit and its first organizer together: both or neither. */
@Service
class UnitRegistrationService {

    private final Organizations organizations;
    private final Accounts accounts;

    UnitRegistrationService(Organizations organizations, Accounts accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @Transactional
    OrganizationView register(RegistrationForm form) {
        if (!form.password().equals(form.confirm())) {
            throw new InvalidInputException("confirm", "account.error.passwordsDiffer");
        }
        if (accounts.findStaff(form.username().strip()).isPresent()) {
            throw new InvalidInputException("username", "account.error.usernameTaken");
        }
        OrganizationView unit = organizations.registerUnit(form.unit());
        accounts.createStaff(form.username(), form.password(), form.displayName(), null, Role.ORGANIZER, unit.id());
        return unit;
    }
}
