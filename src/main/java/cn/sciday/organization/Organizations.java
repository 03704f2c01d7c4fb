package cn.sciday.organization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

/**
 * The organization module's facade: the hierarchy, unit registration and review, and scoping — which
 * organizations an actor may see. Another division's unit is simply not found (404), never forbidden.
 */
@Service
public class Organizations {

    private final OrganizationRepository repo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(OrganizationRepository repo, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<OrganizationView> find(long id) {
        return repo.findById(id).map(this::view);
    }

    @Transactional(readOnly = true)
    public OrganizationView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("organization " + id));
    }

    @Transactional(readOnly = true)
    public OrganizationView city() {
        return repo.findByKind(OrganizationKind.CITY).stream().findFirst().map(this::view)
                .orElseThrow(() -> new NotFoundException("no city organization"));
    }

    /** The divisions and then the departments: the bodies a unit can register under. */
    @Transactional(readOnly = true)
    public List<OrganizationView> coordinatingBodies() {
        List<OrganizationView> all = new ArrayList<>();
        repo.findByKind(OrganizationKind.DIVISION).forEach(o -> all.add(view(o)));
        repo.findByKind(OrganizationKind.DEPARTMENT).forEach(o -> all.add(view(o)));
        return all;
    }

    @Transactional(readOnly = true)
    public List<OrganizationView> divisions() {
        return repo.findByKind(OrganizationKind.DIVISION).stream().map(this::view).toList();
    }

    /** Finds a division, department or unit by its name, full name or an alias (江海区 or 江海区科协). */
    @Transactional(readOnly = true)
    public Optional<OrganizationView> findByName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        for (Organization o : repo.findAll()) {
            if (wanted.equals(o.name) || wanted.equals(o.fullName)) {
                return Optional.of(view(o));
            }
            if (o.aliases != null) {
                for (String alias : o.aliases.split("[,，、]")) {
                    if (wanted.equals(alias.strip())) {
                        return Optional.of(view(o));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The units an actor may see: all for the city, its own for a coordinator, its own unit for an organizer. */
    @Transactional(readOnly = true)
    public List<OrganizationView> unitsVisibleTo(Actor actor, OrganizationStatus status) {
        return switch (actor.role()) {
            case CITY_ADMIN -> repo.findUnits(null, status).stream().map(this::view).toList();
            case COORDINATOR -> repo.findUnits(actor.organizationId(), status).stream().map(this::view).toList();
            case ORGANIZER -> find(actor.organizationId()).filter(u -> status == null || u.status() == status)
                    .map(List::of).orElse(List.of());
            case PUBLIC -> List.of();
        };
    }

    /** A unit the actor may see, or 404. */
    @Transactional(readOnly = true)
    public OrganizationView unitVisibleTo(Actor actor, long unitId) {
        OrganizationView unit = find(unitId).filter(OrganizationView::isUnit)
                .orElseThrow(() -> new NotFoundException("unit " + unitId));
        if (!canSee(actor, unit)) {
            throw new NotFoundException("unit " + unitId);
        }
        return unit;
    }

    /** Whether the actor's scope covers this organization (its own, or a unit under it, or anything for the city). */
    @Transactional(readOnly = true)
    public boolean canSee(Actor actor, long organizationId) {
        return find(organizationId).map(o -> canSee(actor, o)).orElse(false);
    }

    private boolean canSee(Actor actor, OrganizationView o) {
        Long own = actor.organizationId();
        return switch (actor.role()) {
            case CITY_ADMIN -> true;
            case COORDINATOR -> own != null && (own == o.id() || (o.parentId() != null && own.equals(o.parentId())));
            case ORGANIZER -> own != null && own == o.id();
            case PUBLIC -> false;
        };
    }

    /** The body that reviews an organization's activities first: a unit's 归口, or the city for a division. */
    @Transactional(readOnly = true)
    public long coordinatorOf(long organizationId) {
        OrganizationView o = get(organizationId);
        if (o.isUnit()) {
            return o.parentId();
        }
        return city().id();
    }

    // ---- registration and review ----------------------------------------------------------------------------

    /** A unit registers itself; it waits for its coordinator's approval. */
    @Transactional
    public OrganizationView registerUnit(UnitRegistration form) {
        String code = CreditCode.normalize(form.creditCode());
        if (!CreditCode.isValid(code)) {
            throw new InvalidInputException("creditCode", "organization.error.creditCodeInvalid");
        }
        if (repo.creditCodeTaken(code)) {
            throw new InvalidInputException("creditCode", "organization.error.creditCodeTaken");
        }
        OrganizationView parent = find(form.parentId()).filter(OrganizationView::isCoordinatingBody)
                .orElseThrow(() -> new InvalidInputException("parentId", "organization.error.parentRequired"));
        Organization unit = new Organization(null, OrganizationKind.UNIT, form.name().strip(), form.name().strip(),
                null, parent.id(), form.unitType(), code, form.contactName().strip(), form.contactPhone().strip(),
                form.address() == null ? null : form.address().strip(), OrganizationStatus.PENDING, null, null, null,
                clock.instant(), 0, null);
        long id = repo.insert(unit);
        events.publishEvent(new UnitRegistered(id, unit.name, parent.id()));
        return get(id);
    }

    @Transactional
    public OrganizationView approve(Actor actor, long unitId) {
        Organization unit = reviewable(actor, unitId);
        unit.approve(actor.accountId(), clock.instant());
        repo.update(unit);
        events.publishEvent(new UnitReviewed(unitId, unit.name, unit.status, null, actor.accountId()));
        return get(unitId);
    }

    @Transactional
    public OrganizationView reject(Actor actor, long unitId, String reason) {
        Organization unit = reviewable(actor, unitId);
        unit.reject(actor.accountId(), reason, clock.instant());
        repo.update(unit);
        events.publishEvent(new UnitReviewed(unitId, unit.name, unit.status, unit.rejectionReason,
                actor.accountId()));
        return get(unitId);
    }

    /** A rejected unit's organizer corrects the contact details and asks for review again. */
    @Transactional
    public OrganizationView resubmit(Actor actor, long unitId, String contactName, String contactPhone,
            String address) {
        if (!actor.isOrganizer() || actor.organizationId() == null || actor.organizationId() != unitId) {
            throw new NotFoundException("unit " + unitId);
        }
        Organization unit = repo.findById(unitId).orElseThrow(() -> new NotFoundException("unit " + unitId));
        if (contactName == null || contactName.isBlank()) {
            throw new InvalidInputException("contactName", "organization.error.contactNameRequired");
        }
        if (contactPhone == null || !contactPhone.strip().matches("[0-9()（）\\- ]{7,20}")) {
            throw new InvalidInputException("contactPhone", "organization.error.contactPhoneInvalid");
        }
        unit.resubmit(contactName.strip(), contactPhone.strip(), address == null ? null : address.strip());
        repo.update(unit);
        events.publishEvent(new UnitRegistered(unitId, unit.name, unit.parentId));
        return get(unitId);
    }

    private Organization reviewable(Actor actor, long unitId) {
        OrganizationView unit = unitVisibleTo(actor, unitId);
        if (!(actor.is(Role.COORDINATOR) || actor.is(Role.CITY_ADMIN)) || actor.organizationId() == null
                || actor.organizationId() == unitId) {
            throw new ForbiddenException("organization.error.reviewForbidden");
        }
        return repo.findById(unit.id()).orElseThrow();
    }

    // ---- divisions and departments (city admins) -------------------------------------------------------------

    /** Creates a division or department under the city; seeding and city admins use it. */
    @Transactional
    public OrganizationView createCoordinatingBody(OrganizationKind kind, String name, String fullName,
            List<String> aliases) {
        if (kind != OrganizationKind.DIVISION && kind != OrganizationKind.DEPARTMENT) {
            throw new InvalidInputException("kind", "organization.error.kindNotCreatable");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "organization.error.nameRequired");
        }
        String joined = joinedAliases(aliases);
        requireNamesFree(null, name, fullName, aliases);
        long parent = city().id();
        long id = repo.insert(new Organization(null, kind, name.strip(),
                fullName == null || fullName.isBlank() ? name.strip() : fullName.strip(), joined, parent, null, null, null, null, null,
                OrganizationStatus.APPROVED, null, null, null, clock.instant(), 0, null));
        events.publishEvent(new OrganizationChanged(id, name.strip(), "CREATED"));
        return get(id);
    }

    @Transactional
    public OrganizationView rename(long id, String name, String fullName, List<String> aliases) {
        Organization o = repo.findById(id).filter(x -> x.kind != OrganizationKind.UNIT)
                .orElseThrow(() -> new NotFoundException("organization " + id));
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "organization.error.nameRequired");
        }
        String joined = joinedAliases(aliases);
        requireNamesFree(id, name, fullName, aliases);
        o.name = name.strip();
        o.fullName = fullName == null || fullName.isBlank() ? o.name : fullName.strip();
        o.aliases = aliases == null ? o.aliases : joined;
        repo.update(o);
        events.publishEvent(new OrganizationChanged(id, o.name, "RENAMED"));
        return get(id);
    }

    /** Aliases as stored, joined with commas: at most what the column holds (500), else a 400 that says so. */
    private static String joinedAliases(List<String> aliases) {
        if (aliases == null) {
            return null;
        }
        String joined = String.join(",", aliases);
        if (joined.length() > 500) {
            throw new InvalidInputException("aliases", "organization.error.aliasesTooLong");
        }
        return joined;
    }

    /** A name, full name or alias that another organization already answers to would make names ambiguous. */
    private void requireNamesFree(Long self, String name, String fullName, List<String> aliases) {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.add(fullName);
        if (aliases != null) {
            names.addAll(aliases);
        }
        for (String n : names) {
            Optional<OrganizationView> other = findByName(n).filter(o -> self == null || o.id() != self);
            if (other.isPresent()) {
                throw n.strip().equals(other.get().name())
                        ? new ConflictException("organization.error.nameTaken", n.strip())
                        : new ConflictException("organization.error.nameTakenBy", n.strip(), other.get().name());
            }
        }
    }

    /** Creates the city association at the root (seeding only). */
    @Transactional
    public OrganizationView createCity(String name, String fullName, List<String> aliases) {
        if (!repo.findByKind(OrganizationKind.CITY).isEmpty()) {
            throw new ConflictException("city exists");
        }
        long id = repo.insert(new Organization(null, OrganizationKind.CITY, name, fullName,
                String.join(",", aliases), null, null, null, null, null, null, OrganizationStatus.APPROVED, null,
                null, null, clock.instant(), 0, null));
        return get(id);
    }

    /** Creates an already approved unit (demo data and tests). */
    @Transactional
    public OrganizationView createApprovedUnit(UnitRegistration form) {
        OrganizationView unit = registerUnit(form);
        Organization o = repo.findById(unit.id()).orElseThrow();
        o.approve(0, clock.instant());
        repo.update(o);
        return get(unit.id());
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return repo.count() == 0;
    }

    private OrganizationView view(Organization o) {
        return o.view();
    }
}
