package cn.sciday.signup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.notification.Recipient;
import cn.sciday.notification.RecipientDirectory;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.RegistrationRepository.Row;
import cn.sciday.signup.RegistrationRepository.Slot;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.PersonalData;

/**
 * The sign-up module's facade. Seats are counted while the activity's slot row is locked, so capacity is never
 * exceeded under any concurrency; the database allows one registration per person and activity.
 */
@Service
public class Registrations {

    private static final String CODE_CHARS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CLOSED = "signup.error.closed";

    private final RegistrationRepository repo;
    private final Organizations organizations;
    private final RecipientDirectory recipients;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignupMetrics metrics;
    private final SlotTerms terms;
    private final SecureRandom random = new SecureRandom();

    /** Test switch for the negative control: without the row lock, concurrent sign-ups over-book. */
    private volatile boolean lockSeats = true;

    Registrations(RegistrationRepository repo, Organizations organizations, RecipientDirectory recipients,
            PersonalData personalData, ApplicationEventPublisher events, Clock clock, SignupMetrics metrics,
            SlotTerms terms) {
        this.terms = terms;
        this.repo = repo;
        this.organizations = organizations;
        this.recipients = recipients;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** For the concurrency test's negative control only. */
    void lockSeats(boolean lock) {
        this.lockSeats = lock;
    }

    // ---- seats ---------------------------------------------------------------------------------------------

    /**
     * Opens (or updates) sign-up for a published activity. Raising the capacity promotes waiting people; lowering it
     * never takes a confirmed seat away.
     */
    @Transactional
    public SeatInfo openSlot(long activityId, long organizationId, String activityName, int capacity,
            boolean realNameRequired, boolean open, Instant startsAt, Instant endsAt) {
        if (capacity < 0) {
            throw new InvalidInputException("capacity", "signup.error.capacityNegative");
        }
        Optional<Slot> existing = repo.slot(activityId, true);
        Slot terms = new Slot(activityId, organizationId, activityName, capacity, 0, 0, realNameRequired, open,
                startsAt, endsAt);
        if (existing.isEmpty()) {
            repo.insertSlot(terms);
        } else {
            repo.updateSlotTerms(terms);
            Slot s = existing.get();
            int confirmed = s.confirmed();
            int waitlisted = s.waitlisted();
            while (confirmed < capacity && waitlisted > 0) {
                Optional<Row> next = repo.firstWaiting(activityId);
                if (next.isEmpty()) {
                    break;
                }
                promote(next.get(), activityName);
                confirmed++;
                waitlisted--;
            }
            repo.updateCounts(activityId, confirmed, waitlisted);
        }
        events.publishEvent(new SlotTerms.SlotTermsChanged(activityId));
        return seats(activityId).orElseThrow();
    }

    /** Closes sign-up (for example when the activity is cancelled); registrations stay for the records. */
    @Transactional
    public void closeSlot(long activityId) {
        repo.slot(activityId, true).ifPresent(s -> repo.updateSlotTerms(new Slot(s.activityId(), s.organizationId(),
                s.activityName(), s.capacity(), s.confirmed(), s.waitlisted(), s.realNameRequired(), false,
                s.startsAt(), s.endsAt())));
        events.publishEvent(new SlotTerms.SlotTermsChanged(activityId));
    }

    @Transactional(readOnly = true)
    public Optional<SeatInfo> seats(long activityId) {
        return repo.slot(activityId, false).map(s -> new SeatInfo(s.activityId(), s.capacity(), s.confirmed(),
                s.waitlisted(), s.open(), s.realNameRequired()));
    }

    /**
     * The seats of every activity that takes sign-ups now (open, not yet ended), by activity id: the public portal
     * filters and orders its list by them.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, SeatInfo> openSeats() {
        java.util.Map<Long, SeatInfo> seats = new java.util.HashMap<>();
        for (Slot s : repo.openSlots(clock.instant())) {
            seats.put(s.activityId(), new SeatInfo(s.activityId(), s.capacity(), s.confirmed(), s.waitlisted(),
                    s.open(), s.realNameRequired()));
        }
        return seats;
    }

    // ---- signing up and cancelling -------------------------------------------------------------------------

    /** Signs a public user up: a seat while there is one, the waitlist after that. */
    @Transactional
    public Ticket register(Actor actor, long activityId, SignupForm form) {
        try {
            return signUp(actor, activityId, form);
        } catch (ConflictException | InvalidInputException e) {
            metrics.refused();
            throw e;
        }
    }

    /**
     * Everything that needs no lock comes first: the checks, the registration row (written as confirmed), its audit
     * entry. The seat is taken last, so the slot row, which every sign-up for the activity must lock, is held only from
     * there to the commit; when no seat is left the registration becomes a waitlist place instead.
     */
    private Ticket signUp(Actor actor, long activityId, SignupForm form) {
        if (!actor.isPublic()) {
            throw new ForbiddenException("signup.error.citizensOnly");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "signup.error.nameRequired");
        }
        if (name.length() > 50) {
            throw new InvalidInputException("name", "signup.error.nameTooLong");
        }
        SlotTerms.Terms slot = terms.of(activityId)
                .orElseThrow(() -> new NotFoundException("activity " + activityId));
        Instant now = clock.instant();
        if (!slot.open()) {
            throw new ConflictException(CLOSED);
        }
        if (!now.isBefore(slot.endsAt())) {
            throw new ConflictException("signup.error.ended");
        }
        String idCipher = null;
        String idHash = null;
        if (slot.realNameRequired()) {
            String id = IdNumber.normalize(form.idNumber());
            if (!IdNumber.isValid(id)) {
                throw new InvalidInputException("idNumber", "signup.error.idNumberRequired");
            }
            idCipher = personalData.encrypt(id);
            idHash = personalData.hash(id);
        }
        String mobile = recipients.find(actor.accountId()).map(Recipient::mobile).orElse(null);
        String mobileCipher = mobile == null ? null : personalData.encrypt(mobile);
        String mobileHash = mobile == null ? null : personalData.hash(mobile);

        // the new registration is written if the person has none for the activity (the common case: one statement);
        // otherwise the one they have is looked at: a cancelled one comes back, any other means "already signed up"
        String code = null;
        java.util.OptionalLong inserted = java.util.OptionalLong.empty();
        Optional<Row> previous = Optional.empty();
        for (int attempt = 0; attempt < 3 && inserted.isEmpty() && previous.isEmpty(); attempt++) {
            code = newCode();
            inserted = repo.insertIfNew(activityId, actor.accountId(), RegistrationStatus.CONFIRMED, name,
                    mobileCipher, mobileHash, idCipher, idHash, code, now);
            if (inserted.isEmpty()) {
                // taken: the person's row, or (about once in 10^11) another ticket's code, then a new code
                previous = repo.findByPerson(activityId, actor.accountId());
            }
        }
        long id;
        if (inserted.isPresent()) {
            id = inserted.getAsLong();
        } else if (previous.isEmpty()) {
            throw new IllegalStateException("no free ticket code after 3 tries");
        } else if (previous.get().status() != RegistrationStatus.CANCELLED) {
            throw alreadyRegistered(previous.get().status());
        } else {
            id = previous.get().id();
            code = previous.get().code();
            if (!repo.reactivate(id, RegistrationStatus.CONFIRMED, name, mobileCipher, mobileHash, idCipher, idHash,
                    now)) {
                throw alreadyRegistered(RegistrationStatus.CONFIRMED);
            }
        }
        events.publishEvent(new SignupEvents.Requested(id, activityId, actor.accountId()));
        RegistrationStatus status = lockSeats ? takeSeat(activityId) : seatFromAnUnlockedCount(activityId);
        int position = 0;
        if (status == RegistrationStatus.WAITLISTED) {
            repo.toWaitlist(id);
            position = repo.waitlistPosition(repo.find(id).orElseThrow());
        }
        events.publishEvent(new SignupEvents.Registered(id, activityId, actor.accountId(), status));
        return new Ticket(id, activityId, slot.activityName(), actor.accountId(), status, name,
                PersonalData.maskMobile(mobile), idCipher != null, code, now, null, position, slot.startsAt(),
                slot.endsAt());
    }

    private RegistrationStatus takeSeat(long activityId) {
        return switch (repo.takeSeat(activityId)) {
            case TAKEN -> RegistrationStatus.CONFIRMED;
            case WAITLISTED -> RegistrationStatus.WAITLISTED;
            case CLOSED -> throw new ConflictException(CLOSED);
        };
    }

    /** The negative control's way: decide from counts read without a lock, then write them back. */
    private RegistrationStatus seatFromAnUnlockedCount(long activityId) {
        Slot slot = repo.slot(activityId, false).orElseThrow();
        boolean seat = slot.confirmed() < slot.capacity();
        repo.updateCounts(activityId, slot.confirmed() + (seat ? 1 : 0), slot.waitlisted() + (seat ? 0 : 1));
        return seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
    }

    private static ConflictException alreadyRegistered(RegistrationStatus status) {
        return new ConflictException(status == RegistrationStatus.WAITLISTED
                ? "signup.error.alreadyWaitlisted" : "signup.error.alreadyRegistered");
    }

    /** Gives up one's own registration; a freed seat goes to the first person waiting. */
    @Transactional
    public Ticket cancel(Actor actor, long registrationId) {
        Row row = own(actor, registrationId);
        Slot slot = repo.slot(row.activityId(), true).orElseThrow();
        Row current = repo.find(registrationId).orElseThrow();
        if (current.status() == RegistrationStatus.CANCELLED) {
            throw new ConflictException("signup.error.alreadyCancelled");
        }
        if (current.checkedInAt() != null) {
            throw new ConflictException("signup.error.checkedInCannotCancel");
        }
        Instant now = clock.instant();
        repo.setStatus(registrationId, RegistrationStatus.CANCELLED, now);
        int confirmed = slot.confirmed();
        int waitlisted = slot.waitlisted();
        if (current.status() == RegistrationStatus.CONFIRMED) {
            confirmed--;
            Optional<Row> next = repo.firstWaiting(row.activityId());
            if (next.isPresent() && confirmed < slot.capacity()) {
                promote(next.get(), slot.activityName());
                confirmed++;
                waitlisted--;
            }
        } else {
            waitlisted--;
        }
        repo.updateCounts(row.activityId(), confirmed, waitlisted);
        events.publishEvent(new SignupEvents.Cancelled(registrationId, row.activityId(), actor.accountId()));
        return ticket(actor, registrationId);
    }

    private void promote(Row waiting, String activityName) {
        repo.setStatus(waiting.id(), RegistrationStatus.CONFIRMED, clock.instant());
        events.publishEvent(new SignupEvents.Promoted(waiting.id(), waiting.activityId(), waiting.accountId(),
                activityName));
    }

    // ---- tickets and check-in --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Ticket> myTickets(Actor actor) {
        return repo.ofAccount(actor.accountId()).stream().map(this::view).toList();
    }

    /** One's own ticket; another person's answers 404. */
    @Transactional(readOnly = true)
    public Ticket ticket(Actor actor, long registrationId) {
        return view(own(actor, registrationId));
    }

    /** Checks a ticket in at the door, by its short code or QR content; a second check-in answers clearly. */
    @Transactional
    public Ticket checkIn(Actor actor, long activityId, String rawCode) {
        Slot slot = staffSlot(actor, activityId);
        String code = normalizeCode(rawCode);
        Row row = repo.findByCode(code).filter(r -> r.activityId() == activityId)
                .orElseThrow(() -> new InvalidInputException("code", "signup.error.ticketNotFound", code));
        if (row.status() != RegistrationStatus.CONFIRMED) {
            throw new ConflictException(row.status() == RegistrationStatus.WAITLISTED
                    ? "signup.error.stillWaitlisted" : "signup.error.cancelledTicket", row.personName());
        }
        if (!repo.checkIn(row.id(), actor.accountId(), clock.instant())) {
            Row again = repo.find(row.id()).orElseThrow();
            LocalDateTime at = LocalDateTime.ofInstant(again.checkedInAt(), ZONE);
            throw new ConflictException("signup.error.alreadyCheckedIn", again.personName(), at.getMonthValue(),
                    at.getDayOfMonth(), DateTimeFormatter.ofPattern("HH:mm").format(at), at.toLocalDate());
        }
        events.publishEvent(new SignupEvents.CheckedIn(row.id(), activityId, actor.accountId()));
        return view(repo.find(row.id()).orElseThrow());
    }

    /** The registrations of an activity, for its organizer, the coordinator above and the city (phones masked). */
    @Transactional(readOnly = true)
    public List<Ticket> registrationsOf(Actor actor, long activityId) {
        Slot slot = staffSlot(actor, activityId);
        // rows come seated first, then waiting in queue order: the slot is read once and positions counted here
        int[] waiting = {0};
        return repo.ofActivity(activityId).stream()
                .map(r -> view(r, slot, r.status() == RegistrationStatus.WAITLISTED ? ++waiting[0] : 0))
                .toList();
    }

    /** The full mobile number of one registrant of an activity; the read is announced for the audit trail. */
    @Transactional
    public String revealMobile(Actor actor, long registrationId, long activityId) {
        Row row = repo.find(registrationId).filter(r -> r.activityId() == activityId)
                .orElseThrow(() -> new NotFoundException("registration"));
        staffSlot(actor, row.activityId());
        events.publishEvent(new SignupEvents.MobileRevealed(registrationId, row.activityId(), actor.accountId()));
        return row.mobileCipher() == null ? "" : personalData.decrypt(row.mobileCipher());
    }

    /** The activity's name as sign-up knows it. */
    @Transactional(readOnly = true)
    public String activityName(long activityId) {
        return repo.slot(activityId, false).map(Slot::activityName)
                .orElseThrow(() -> new NotFoundException("activity " + activityId));
    }

    @Transactional(readOnly = true)
    public int checkedIn(long activityId) {
        return repo.checkedInCount(activityId);
    }

    private Slot staffSlot(Actor actor, long activityId) {
        Slot slot = repo.slot(activityId, false).orElseThrow(() -> new NotFoundException("activity " + activityId));
        if (actor.isPublic() || !organizations.canSee(actor, slot.organizationId())) {
            throw new NotFoundException("activity " + activityId);
        }
        return slot;
    }

    private Row own(Actor actor, long registrationId) {
        return repo.find(registrationId).filter(r -> r.accountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException("registration " + registrationId));
    }

    private Ticket view(Row r) {
        Slot s = repo.slot(r.activityId(), false).orElseThrow();
        return view(r, s, r.status() == RegistrationStatus.WAITLISTED ? repo.waitlistPosition(r) : 0);
    }

    private Ticket view(Row r, Slot s, int position) {
        String mobile = r.mobileCipher() == null ? null : personalData.decrypt(r.mobileCipher());
        return new Ticket(r.id(), r.activityId(), s.activityName(), r.accountId(), r.status(), r.personName(),
                PersonalData.maskMobile(mobile), r.idCipher() != null, r.code(), r.createdAt(), r.checkedInAt(),
                position, s.startsAt(), s.endsAt());
    }

    static String normalizeCode(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip().toUpperCase();
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        return s.replace(" ", "").replace("-", "");
    }

    private String newCode() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(CODE_CHARS.charAt(random.nextInt(CODE_CHARS.length())));
        }
        return b.toString();
    }
}
