package cn.sciday.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.media.FileKind;
import cn.sciday.media.Media;
import cn.sciday.media.StoredFile;
import cn.sciday.media.Visibility;
import cn.sciday.organization.OrganizationStatus;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.AuditEvent;
import cn.sciday.web.ConflictException;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/**
 * Stage summaries (阶段性总结, due 10-22) and full summaries (全面总结, due 12-10) of units, divisions and departments:
 * text plus attachments (PDF, Word, JPEG, PNG). An organization submits its own and may resubmit until it is
 * accepted, by the unit's 归口 or, for a division's or department's summary, by the city. A first submission after
 * the deadline is late; a missing one is overdue once the deadline has passed. Scoping as everywhere: another
 * organization's summary is not found (404).
 */
@Service
public class SummaryManagement {

    public static final int MAX_FILES = 10;
    public static final int MAX_BODY = 10_000;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Set<FileKind> FILE_KINDS = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.JPEG, FileKind.PNG);
    static final String PURPOSE = "summary";

    private final SummaryRepository repo;
    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final Media media;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SummaryManagement(SummaryRepository repo, CampaignManagement campaigns, Organizations organizations, Media media,
            ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The summaries page: own summaries, the units overseen and (city) the divisions and departments. */
    @Transactional(readOnly = true)
    public SummaryBoard board(Actor actor) {
        requireStaff(actor);
        Campaign c = campaigns.requireCurrent();
        Instant now = clock.instant();
        List<OrganizationView> units = actor.isOrganizer() ? List.of()
                : organizations.unitsVisibleTo(actor, OrganizationStatus.APPROVED);
        List<OrganizationView> bodies = actor.isCityAdmin() ? organizations.coordinatingBodies() : List.of();
        List<Long> ids = new ArrayList<>();
        units.forEach(u -> ids.add(u.id()));
        bodies.forEach(b -> ids.add(b.id()));
        boolean hasOwn = submitsOwn(actor);
        if (hasOwn) {
            ids.add(actor.organizationId());
        }
        Map<String, SummaryRepository.Row> rows = new HashMap<>();
        repo.all(c.id(), actor.isCityAdmin() ? null : ids)
                .forEach(r -> rows.put(r.organizationId() + ":" + r.kind(), r));
        List<SummaryView> own = new ArrayList<>();
        if (hasOwn) {
            OrganizationView o = organizations.get(actor.organizationId());
            for (SummaryKind kind : SummaryKind.values()) {
                SummaryRepository.Row row = rows.get(o.id() + ":" + kind);
                own.add(row == null ? new SummaryView(state(o, kind, null, c, now), null, List.of(), null, null, true,
                        false) : view(actor, o, row, c, now));
            }
        }
        return new SummaryBoard(own, lines(units, rows, c, now), lines(bodies, rows, c, now));
    }

    /** A summary the actor may see, or 404. */
    @Transactional(readOnly = true)
    public SummaryView get(Actor actor, long id) {
        requireStaff(actor);
        SummaryRepository.Row row = load(actor, id);
        return view(actor, organizations.get(row.organizationId()), row, campaigns.get(row.campaignId()),
                clock.instant());
    }

    /** The states of one kind (or both when null) the actor oversees: its own, its units', (city) all bodies'. */
    @Transactional(readOnly = true)
    public List<SummaryState> states(Actor actor, SummaryKind kind) {
        SummaryBoard board = board(actor);
        List<SummaryState> all = new ArrayList<>();
        board.own().stream().map(SummaryView::state).filter(s -> kind == null || s.kind() == kind).forEach(all::add);
        for (List<SummaryLine> lines : List.of(board.bodies(), board.units())) {
            for (SummaryLine l : lines) {
                if (kind == null || kind == SummaryKind.STAGE) {
                    all.add(l.stage());
                }
                if (kind == null || kind == SummaryKind.FULL) {
                    all.add(l.full());
                }
            }
        }
        return all;
    }

    /** The state of an organization's summary of one kind in the current campaign, unscoped (reporting). */
    @Transactional(readOnly = true)
    SummaryState state(long organizationId, SummaryKind kind) {
        Campaign c = campaigns.requireCurrent();
        OrganizationView o = organizations.get(organizationId);
        return state(o, kind, repo.find(c.id(), organizationId, kind).orElse(null), c, clock.instant());
    }

    /** The states of one kind of every approved unit and every division and department, unscoped (reporting). */
    @Transactional(readOnly = true)
    List<SummaryState> allStates(SummaryKind kind, List<OrganizationView> orgs) {
        Campaign c = campaigns.requireCurrent();
        Instant now = clock.instant();
        Map<Long, SummaryRepository.Row> rows = new HashMap<>();
        repo.all(c.id(), null).stream().filter(r -> r.kind() == kind).forEach(r -> rows.put(r.organizationId(), r));
        return orgs.stream().map(o -> state(o, kind, rows.get(o.id()), c, now)).toList();
    }

    // ---- changing ---------------------------------------------------------------------------------------------

    /**
     * Submits or resubmits the actor's own organization's summary of a kind: the text (required, at most 10,000
     * characters), new attachments (at most 10 in all, each at most 10 MB) and attachments to remove. 409 once it
     * has been accepted. Everything or nothing: a refused file leaves the summary as it was.
     */
    @Transactional
    public SummaryView submit(Actor actor, SummaryKind kind, String body, List<Upload> uploads,
            Collection<Long> removeFileIds) {
        return submit(actor, kind, body, uploads, removeFileIds, clock.instant());
    }

    @Transactional
    SummaryView submit(Actor actor, SummaryKind kind, String body, List<Upload> uploads,
            Collection<Long> removeFileIds, Instant at) {
        if (!submitsOwn(actor)) {
            throw new ForbiddenException("completion.forbidden.summary");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "completion.summary.kind.required");
        }
        Campaign c = campaigns.requireCurrent();
        OrganizationView own = organizations.get(actor.organizationId());
        SummaryRepository.Row existing = repo.find(c.id(), own.id(), kind).orElse(null);
        if (existing != null && existing.status() == SummaryStatus.ACCEPTED) {
            throw new ConflictException("completion.conflict.summaryAccepted");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("body", "completion.summary.body.required");
        }
        if (text.length() > MAX_BODY) {
            throw new InvalidInputException("body", "completion.summary.body.size", MAX_BODY);
        }
        List<Long> current = existing == null ? List.of() : repo.files(existing.id());
        Set<Long> remove = new LinkedHashSet<>(removeFileIds == null ? List.of() : removeFileIds);
        remove.retainAll(current);
        List<Upload> added = uploads == null ? List.of() : uploads.stream().filter(u -> u != null).toList();
        if (current.size() - remove.size() + added.size() > MAX_FILES) {
            throw new InvalidInputException("files", "completion.summary.files.max", MAX_FILES);
        }
        List<StoredFile> stored = new ArrayList<>();
        for (Upload u : added) {
            try (InputStream in = u.open()) {
                stored.add(media.store(actor, own.id(), PURPOSE, Visibility.SCOPED, u.name(), in, FILE_KINDS,
                        MAX_BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long id;
        boolean late;
        if (existing == null) {
            late = c.isLate(kind.milestone(), at);
            try {
                id = repo.insert(c.id(), own.id(), kind, text, late, at, actor.accountId(), actor.displayName());
            } catch (DuplicateKeyException e) {
                throw new ConflictException("completion.conflict.summaryVersion");
            }
        } else {
            id = existing.id();
            late = existing.late();
            if (!repo.resubmit(id, existing.version(), text, at, actor.accountId(), actor.displayName())) {
                throw new ConflictException("completion.conflict.summaryVersion");
            }
        }
        for (Long fileId : remove) {
            repo.removeFile(id, fileId);
            media.delete(actor, fileId);
        }
        stored.forEach(f -> repo.addFile(id, f.id()));
        long reviewer = organizations.coordinatorOf(own.id());
        events.publishEvent(new SummarySubmitted(id, own.id(), own.name(), kind, late, existing != null, reviewer,
                actor.accountId(), actor.displayName(), at));
        events.publishEvent(new AuditEvent(existing == null ? "SUMMARY_SUBMITTED" : "SUMMARY_RESUBMITTED", "SUMMARY",
                String.valueOf(id), own.name() + "；" + kind + (late ? "；逾期" : "") + "；附件 " + stored.size()
                        + " 个新增，" + remove.size() + " 个删除"));
        SummaryRepository.Row row = repo.find(id).orElseThrow();
        return view(actor, own, row, c, at);
    }

    /** Accepts a submitted summary: the unit's 归口 for a unit's, the city for any. It can no longer be changed. */
    @Transactional
    public SummaryView accept(Actor actor, long id) {
        return accept(actor, id, clock.instant());
    }

    @Transactional
    SummaryView accept(Actor actor, long id, Instant at) {
        requireStaff(actor);
        SummaryRepository.Row row = load(actor, id);
        OrganizationView o = organizations.get(row.organizationId());
        if (!mayAccept(actor, o)) {
            throw new ForbiddenException("completion.forbidden.accept");
        }
        if (row.status() == SummaryStatus.ACCEPTED) {
            throw new ConflictException("completion.conflict.summaryAccepted");
        }
        if (!repo.accept(id, row.version(), at, actor.accountId(), actor.displayName())) {
            throw new ConflictException("completion.conflict.summaryVersion");
        }
        events.publishEvent(new SummaryAccepted(id, o.id(), o.name(), row.kind(), actor.accountId(),
                actor.displayName(), at));
        events.publishEvent(new AuditEvent("SUMMARY_ACCEPTED", "SUMMARY", String.valueOf(id),
                o.name() + "；" + row.kind()));
        return view(actor, o, repo.find(id).orElseThrow(), campaigns.get(row.campaignId()), at);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Units, divisions and departments submit their own summaries; the city does not. */
    static boolean submitsOwn(Actor actor) {
        return ActivityPolicy.mayPropose(actor) && !actor.isCityAdmin();
    }

    private static boolean mayAccept(Actor actor, OrganizationView o) {
        if (actor.isCityAdmin()) {
            return true;
        }
        return actor.isCoordinator() && o.isUnit() && o.parentId() != null
                && o.parentId().equals(actor.organizationId());
    }

    private void requireStaff(Actor actor) {
        if (!actor.isStaff() || actor.organizationId() == null) {
            throw new ForbiddenException("completion.forbidden.summary");
        }
    }

    private SummaryRepository.Row load(Actor actor, long id) {
        SummaryRepository.Row row = repo.find(id).orElseThrow(() -> new NotFoundException("summary " + id));
        if (!organizations.canSee(actor, row.organizationId())) {
            throw new NotFoundException("summary " + id);
        }
        return row;
    }

    private List<SummaryLine> lines(List<OrganizationView> orgs, Map<String, SummaryRepository.Row> rows,
            Campaign c, Instant now) {
        return orgs.stream().map(o -> new SummaryLine(o.id(), o.name(), o.parentName(),
                state(o, SummaryKind.STAGE, rows.get(o.id() + ":" + SummaryKind.STAGE), c, now),
                state(o, SummaryKind.FULL, rows.get(o.id() + ":" + SummaryKind.FULL), c, now))).toList();
    }

    private SummaryView view(Actor actor, OrganizationView o, SummaryRepository.Row row, Campaign c, Instant now) {
        List<StoredFile> files = repo.files(row.id()).stream().map(media::metadata)
                .flatMap(java.util.Optional::stream).toList();
        boolean own = submitsOwn(actor) && actor.organizationId() == row.organizationId();
        return new SummaryView(state(o, row.kind(), row, c, now), row.body(), files, row.submittedByName(),
                row.acceptedByName(), own && row.status() != SummaryStatus.ACCEPTED,
                mayAccept(actor, o) && row.status() == SummaryStatus.SUBMITTED);
    }

    static SummaryState state(OrganizationView o, SummaryKind kind, SummaryRepository.Row row, Campaign c,
            Instant now) {
        java.time.LocalDate due = c.milestone(kind.milestone()).dueOn();
        if (row == null) {
            boolean overdue = c.isLate(kind.milestone(), now);
            return new SummaryState(null, o.id(), o.name(), o.parentId(), o.parentName(), kind,
                    SummaryStatus.MISSING, overdue, overdue, due, null, null);
        }
        return new SummaryState(row.id(), o.id(), o.name(), o.parentId(), o.parentName(), kind, row.status(),
                row.late(), false, due, ActivityViews.beijing(row.submittedAt()),
                ActivityViews.beijing(row.acceptedAt()));
    }
}
