package cn.sciday.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import cn.sciday.notification.Recipient;
import cn.sciday.notification.RecipientDirectory;
import cn.sciday.organization.OrganizationKind;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.PersonalData;
import cn.sciday.web.Role;

/** The account module's facade: staff and public accounts, who they act for, and how to reach them. */
@Service
public class Accounts implements RecipientDirectory {

    private static final String REQUEST_ACCOUNT = Accounts.class.getName() + ".requestAccount";

    private final AccountRepository repo;
    private final Organizations organizations;
    private final PasswordEncoder passwords;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(AccountRepository repo, Organizations organizations, PasswordEncoder passwords, PersonalData personalData,
            ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.organizations = organizations;
        this.passwords = passwords;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a staff account. City admins create coordinators and city admins; registration creates organizers
     * (see {@link UnitRegistrationService}). The role must fit the organization's level.
     */
    @Transactional
    public StaffAccount createStaff(String username, String password, String displayName, String email, Role role,
            long organizationId) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{2,63}")) {
            throw new InvalidInputException("username", "account.error.usernameFormat");
        }
        if (repo.findByUsername(name).isPresent()) {
            throw new InvalidInputException("username", "account.error.usernameTaken");
        }
        PasswordPolicy.check(name, password);
        OrganizationView org = organizations.find(organizationId)
                .orElseThrow(() -> new InvalidInputException("organizationId", "account.error.organizationRequired"));
        boolean fits = switch (role) {
            case CITY_ADMIN -> org.kind() == OrganizationKind.CITY;
            case COORDINATOR -> org.isCoordinatingBody();
            case ORGANIZER -> org.isUnit();
            case PUBLIC -> false;
        };
        if (!fits) {
            throw new InvalidInputException("role", "account.error.roleLevelMismatch");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("displayName", "account.error.displayNameRequired");
        }
        Account a = new Account(null, name, passwords.encode(password), displayName.strip(),
                email == null || email.isBlank() ? null : email.strip(), role, organizationId, null, null, true, 0,
                null, clock.instant(), null);
        long id = repo.insert(a);
        events.publishEvent(new AccountCreated(id, name, role.name(), organizationId));
        return staff(id);
    }

    /** Creates a coordinator or city admin account; only a city admin may. */
    @Transactional
    public StaffAccount createByCityAdmin(Actor by, String username, String password, String displayName,
            String email, Role role, long organizationId) {
        if (!by.isCityAdmin()) {
            throw new ForbiddenException("account.error.createForbidden");
        }
        if (role != Role.COORDINATOR && role != Role.CITY_ADMIN) {
            throw new InvalidInputException("role", "account.error.roleNotCreatable");
        }
        return createStaff(username, password, displayName, email, role, organizationId);
    }

    @Transactional
    public void setEnabled(Actor by, long accountId, boolean enabled) {
        if (!by.isCityAdmin()) {
            throw new ForbiddenException("account.error.disableForbidden");
        }
        Account a = repo.findById(accountId).filter(x -> x.role != Role.PUBLIC)
                .orElseThrow(() -> new NotFoundException("account " + accountId));
        if (a.id == by.accountId() && !enabled) {
            throw new ConflictException("account.error.disableSelf");
        }
        a.enabled = enabled;
        repo.update(a);
        events.publishEvent(new AccountChanged(a.id, a.username, enabled ? "ENABLED" : "DISABLED"));
    }

    @Transactional
    public void changePassword(Actor me, String current, String next) {
        Account a = repo.findById(me.accountId()).orElseThrow(() -> new NotFoundException("account"));
        if (a.passwordHash == null || !passwords.matches(current == null ? "" : current, a.passwordHash)) {
            throw new InvalidInputException("currentPassword", "account.error.currentPasswordWrong");
        }
        PasswordPolicy.check(a.username, next);
        a.passwordHash = passwords.encode(next);
        repo.update(a);
        events.publishEvent(new AccountChanged(a.id, a.username, "PASSWORD"));
    }

    @Transactional(readOnly = true)
    public StaffAccount staff(long id) {
        Account a = repo.findById(id).filter(x -> x.role != Role.PUBLIC)
                .orElseThrow(() -> new NotFoundException("account " + id));
        return view(a);
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> findStaff(String username) {
        return repo.findByUsername(username).filter(x -> x.role != Role.PUBLIC).map(this::view);
    }

    /** Staff accounts visible to an actor: all for the city, its own organization's and its units' for a coordinator. */
    @Transactional(readOnly = true)
    public List<StaffAccount> staffVisibleTo(Actor actor) {
        return repo.findStaff().stream()
                .filter(a -> actor.isCityAdmin()
                        || (a.organizationId != null && organizations.canSee(actor, a.organizationId)))
                .map(this::view).toList();
    }

    /** The public user with this mobile number, created on first login. */
    @Transactional
    public Actor publicUser(String mobile) {
        String normalized = PersonalData.normalizeMobile(mobile);
        if (!PersonalData.isMobile(normalized)) {
            throw new InvalidInputException("mobile", "account.error.mobileRequired");
        }
        String hash = personalData.hash(normalized);
        Account a = repo.findByMobileHash(hash).orElse(null);
        if (a == null) {
            a = new Account(null, null, null, PersonalData.maskMobile(normalized), null, Role.PUBLIC, null, hash,
                    personalData.encrypt(normalized), true, 0, null, clock.instant(), null);
            long id = repo.insert(a);
            events.publishEvent(new AccountCreated(id, PersonalData.maskMobile(normalized), Role.PUBLIC.name(),
                    null));
            a = repo.findById(id).orElseThrow();
        }
        if (!a.enabled) {
            throw new ForbiddenException("account.error.accountDisabled");
        }
        return actor(a);
    }

    /** The actor for an account as it is now (an organizer's unit may have been approved since login). */
    @Transactional(readOnly = true)
    public Optional<Actor> currentActor(long accountId) {
        return repo.findById(accountId).filter(a -> a.enabled).map(this::actor);
    }

    Actor actor(Account a) {
        boolean approved = true;
        if (a.role == Role.ORGANIZER) {
            approved = a.organizationId != null && organizations.find(a.organizationId)
                    .map(OrganizationView::isApproved).orElse(false);
        }
        return new Actor(a.id, a.username == null ? a.displayName : a.username, a.displayName, a.role,
                a.organizationId, approved);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Recipient> find(long accountId) {
        return requestAccount(accountId).or(() -> repo.findById(accountId)).map(a -> new Recipient(a.id,
                a.displayName, a.email, a.mobileCipher == null ? null : personalData.decrypt(a.mobileCipher)));
    }

    /**
     * Notes the account row that a bearer token authenticated this request with, so that {@link #find} answers from
     * it for the rest of the request: a sign-up or a quiz start needs the person's mobile and would otherwise read
     * the same row again. Nothing outlives the request; the fields a {@link Recipient} has (name, e-mail, mobile) are
     * not changed by any request that authenticates with a token.
     */
    void noteRequestAccount(Account a) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(REQUEST_ACCOUNT, a, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static Optional<Account> requestAccount(long accountId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(REQUEST_ACCOUNT, RequestAttributes.SCOPE_REQUEST)
                instanceof Account a && a.id == accountId ? Optional.of(a) : Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> accountsOf(long organizationId) {
        return repo.findByOrganization(organizationId).stream().filter(a -> a.enabled).map(a -> a.id).toList();
    }

    private StaffAccount view(Account a) {
        return new StaffAccount(a.id, a.username, a.displayName, a.email, a.role, a.organizationId, a.enabled,
                a.isLocked(clock.instant()), a.lastLoginAt);
    }
}
