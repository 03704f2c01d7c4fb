package cn.sciday.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.Audience;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.OrganizationKind;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ControlCharacters;
import cn.sciday.web.ForbiddenException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Role;
import cn.sciday.web.UserMessage;

/**
 * The intention form (附件1): the template to download and the import of filled forms. An import is all or
 * nothing: every row is read and checked (by the form's own rules, then by the activity module's), and only when no
 * row has a problem do all rows become drafts, in one transaction. A unit imports its own activities; a
 * coordinator or the city imports for the unit named in 举办单位 (a unit under it).
 */
@Service
public class IntentionForms {

    /** Larger files are refused before they are read. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

    private final Activities activities;
    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final TransactionTemplate transactions;
    private final ImportMetrics metrics;
    private final int maxRows;

    @org.springframework.beans.factory.annotation.Autowired
    IntentionForms(Activities activities, CampaignManagement campaigns, Organizations organizations,
            PlatformTransactionManager transactionManager, ImportMetrics metrics) {
        this(activities, campaigns, organizations, transactionManager, metrics, IntentionSheet.MAX_DATA_ROWS);
    }

    IntentionForms(Activities activities, CampaignManagement campaigns, Organizations organizations,
            PlatformTransactionManager transactionManager, ImportMetrics metrics, int maxRows) {
        this.activities = activities;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.transactions = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
        this.maxRows = maxRows;
    }

    /** Writes the template of the current campaign, with the actor's organization filled in as 填报单位. */
    public void template(Actor actor, OutputStream out) throws IOException {
        requireStaff(actor);
        Campaign campaign = campaigns.requireCurrent();
        OrganizationView filler = actor.organizationId() == null ? null
                : organizations.find(actor.organizationId()).orElse(null);
        IntentionTemplate.write(campaign, organizations.divisions(), organizations.coordinatingBodies(), filler, out);
    }

    /** The file name of the template, e.g. 2021年江门市全国科普日活动项目意向征集表.xlsx. */
    public String templateFileName() {
        return IntentionTemplate.title(campaigns.requireCurrent()) + ".xlsx";
    }

    /**
     * Imports a filled form. Refusals of the file itself (too large, not an xlsx, a zip bomb, no header) and
     * problems in rows come back in the result; nothing is stored then.
     */
    public ImportResult importForm(Actor actor, long declaredSize, InputStream content) {
        requireStaff(actor);
        ImportResult result = importChecked(actor, declaredSize, content);
        metrics.record(result);
        return result;
    }

    private ImportResult importChecked(Actor actor, long declaredSize, InputStream content) {
        if (declaredSize > MAX_BYTES) {
            return ImportResult.refused(List.of(tooLarge()));
        }
        Path spooled = null;
        try {
            spooled = Files.createTempFile("sciday-intention-", ".xlsx");
            long size = copyLimited(content, spooled);
            if (size > MAX_BYTES) {
                return ImportResult.refused(List.of(tooLarge()));
            }
            if (size == 0) {
                return ImportResult.refused(List.of(ImportProblem.of(0, null, "reporting.error.emptyFile")));
            }
            Optional<ImportProblem> wrongType = checkType(spooled);
            if (wrongType.isPresent()) {
                return ImportResult.refused(List.of(wrongType.get()));
            }
            return importSpooled(actor, spooled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }

    private ImportResult importSpooled(Actor actor, Path file) {
        List<IntentionSheet> seen = new ArrayList<>();
        try {
            XlsxSheetReader.read(file, new XlsxSheetReader.SheetVisitor() {
                @Override
                public XlsxSheetReader.RowSink nextSheet() {
                    IntentionSheet s = new IntentionSheet(maxRows);
                    seen.add(s);
                    return s;
                }

                @Override
                public boolean done() {
                    return seen.get(seen.size() - 1).found();
                }
            });
        } catch (XlsxSheetReader.UnreadableException e) {
            return ImportResult.refused(List.of(ImportProblem.of(0, null, e.reason())));
        }
        IntentionSheet sheet = seen.stream().filter(IntentionSheet::found).findFirst().orElse(null);
        if (sheet == null) {
            return ImportResult.refused(List.of(ImportProblem.of(0, null,
                    "reporting.error.noHeader")));
        }
        if (sheet.tooMany()) {
            return ImportResult.refused(List.of(ImportProblem.of(0, null,
                    "reporting.error.tooManyRows", maxRows)));
        }
        List<IntentionColumn> missing = sheet.missingColumns();
        if (!missing.isEmpty()) {
            List<ImportProblem> problems = new ArrayList<>();
            for (IntentionColumn c : missing) {
                problems.add(ImportProblem.of(sheet.headerRow(), c.header(),
                        "reporting.error.missingColumn", c.header()));
            }
            return ImportResult.refused(problems);
        }
        if (sheet.rows().isEmpty()) {
            return ImportResult.refused(List.of(ImportProblem.of(0, null, "reporting.error.noRows")));
        }
        return importRows(actor, sheet);
    }

    /** A row read into a form, for whom it will be created. */
    private record Candidate(int row, ActivityForm form, Actor as) {
    }

    private ImportResult importRows(Actor actor, IntentionSheet sheet) {
        Campaign campaign = campaigns.requireCurrent();
        Names names = new Names(organizations, campaign);
        OrganizationView own = organizations.get(actor.organizationId());
        List<ImportProblem> problems = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (XlsxSheetReader.Row row : sheet.rows()) {
            RowReader r = new RowReader(row, sheet.columns(), campaign, names);
            Actor as = r.target(actor, own);
            ActivityForm form = r.form();
            if (r.problems().isEmpty()) {
                candidates.add(new Candidate(row.number(), form, as));
            } else {
                // the activity module's own rules on the rest of the row, so that one upload shows every problem
                for (var p : activities.problems(form)) {
                    IntentionColumn c = columnOf(p.field());
                    if (!r.flagged(c)) {
                        r.problem(c, p.reason());
                    }
                }
                problems.addAll(r.problems());
            }
        }
        // one transaction: each clean row is created (the activity module checks it again); any refusal rolls all back
        List<Long> ids = transactions.execute(status -> {
            List<Long> created = new ArrayList<>();
            for (Candidate c : candidates) {
                try {
                    if (problems.isEmpty()) {
                        created.add(activities.create(c.as(), c.form()).id());
                    } else {
                        activities.problems(c.form()).forEach(p -> problems.add(problem(c.row(), p)));
                    }
                } catch (InvalidInputException e) {
                    e.problems().forEach(p -> problems.add(problem(c.row(), p)));
                }
            }
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
            }
            return created;
        });
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
            return ImportResult.refused(problems);
        }
        return new ImportResult(ids.size(), ids, List.of());
    }

    private static ImportProblem problem(int row, InvalidInputException.Problem p) {
        IntentionColumn c = columnOf(p.field());
        return ImportProblem.of(row, c == null ? null : c.header(), p.reason());
    }

    static IntentionColumn columnOf(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "name" -> IntentionColumn.NAME;
            case "jointAction" -> IntentionColumn.JOINT_ACTION;
            case "themes" -> IntentionColumn.THEMES;
            case "coOrganizers" -> IntentionColumn.ORGANIZER;
            case "format" -> IntentionColumn.FORMAT;
            case "startsAt" -> IntentionColumn.STARTS_AT;
            case "endsAt" -> IntentionColumn.ENDS_AT;
            case "divisionId" -> IntentionColumn.DIVISION;
            case "venue" -> IntentionColumn.VENUE;
            case "onlineUrl" -> IntentionColumn.ONLINE_URL;
            case "audiences" -> IntentionColumn.AUDIENCES;
            case "expectedParticipants" -> IntentionColumn.EXPECTED;
            case "keyActivity" -> IntentionColumn.KEY_ACTIVITY;
            case "summary", "description" -> IntentionColumn.SUMMARY;
            case "contactName" -> IntentionColumn.CONTACT_NAME;
            case "contactPhone" -> IntentionColumn.CONTACT_PHONE;
            default -> null;
        };
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isStaff() || actor.organizationId() == null || (actor.isOrganizer() && !actor.unitApproved())) {
            throw new ForbiddenException("reporting.error.intentionForbidden");
        }
    }

    private static ImportProblem tooLarge() {
        return ImportProblem.of(0, null, "reporting.error.tooLarge");
    }

    private static long copyLimited(InputStream in, Path to) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(to)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_BYTES) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static Optional<ImportProblem> checkType(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && startsWith(head, ZIP)) {
            return Optional.empty();
        }
        if (n >= 4 && startsWith(head, OLE2)) {
            return Optional.of(ImportProblem.of(0, null,
                    "reporting.error.oldOrProtected"));
        }
        return Optional.of(ImportProblem.of(0, null, "reporting.error.notXlsxUseTemplate"));
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- names of organizations, looked up once per import ---------------------------------------------------

    /** Organization names of one import, each looked up once. */
    static final class Names {
        private final Organizations organizations;
        private final Campaign campaign;
        private final Map<String, Optional<OrganizationView>> cache = new HashMap<>();

        Names(Organizations organizations, Campaign campaign) {
            this.organizations = organizations;
            this.campaign = campaign;
        }

        Optional<OrganizationView> find(String text) {
            String n = Text.norm(text);
            return cache.computeIfAbsent(n, k -> {
                Optional<OrganizationView> o = organizations.findByName(k);
                if (o.isEmpty() && k.startsWith(campaign.city()) && k.length() > campaign.city().length()) {
                    o = organizations.findByName(k.substring(campaign.city().length()));
                }
                if (o.isEmpty() && !k.equals(k.replace(" ", ""))) {
                    o = organizations.findByName(k.replace(" ", ""));
                }
                return o;
            });
        }

        List<OrganizationView> divisions() {
            return organizations.divisions();
        }
    }

    // ---- one row -------------------------------------------------------------------------------------------

    /** Reads one row into a form and notes a problem per column. */
    private static final class RowReader {
        private final XlsxSheetReader.Row row;
        private final Map<IntentionColumn, Integer> columns;
        private final Campaign campaign;
        private final Names names;
        private final Map<IntentionColumn, String> flagged = new EnumMap<>(IntentionColumn.class);
        private final List<ImportProblem> problems = new ArrayList<>();

        RowReader(XlsxSheetReader.Row row, Map<IntentionColumn, Integer> columns, Campaign campaign, Names names) {
            this.row = row;
            this.columns = columns;
            this.campaign = campaign;
            this.names = names;
        }

        XlsxSheetReader.Cell cell(IntentionColumn c) {
            Integer col = columns.get(c);
            XlsxSheetReader.Cell cell = col == null ? null : row.cell(col);
            return cell == null || cell.isBlank() ? null : cell;
        }

        String text(IntentionColumn c) {
            XlsxSheetReader.Cell cell = cell(c);
            String text = cell == null ? null : Text.clean(cell.asText());
            if (ControlCharacters.contains(text) && !flagged(c)) {
                problem(c, ControlCharacters.IN_FILE);
            }
            return text;
        }

        void problem(IntentionColumn c, UserMessage message) {
            if (c != null) {
                flagged.put(c, message.code());
            }
            problems.add(ImportProblem.of(row.number(), c == null ? null : c.header(), message));
        }

        void problem(IntentionColumn c, String code, Object... arguments) {
            problem(c, UserMessage.of(code, arguments));
        }

        boolean flagged(IntentionColumn c) {
            return c != null && flagged.containsKey(c);
        }

        List<ImportProblem> problems() {
            return problems;
        }

        /** Whom the row's activity will belong to: the actor's unit, or for a coordinator the unit in 举办单位. */
        Actor target(Actor actor, OrganizationView own) {
            String named = text(IntentionColumn.ORGANIZER);
            OrganizationView target = own;
            if (actor.isOrganizer()) {
                Optional<OrganizationView> o = named == null ? Optional.empty() : names.find(named);
                if (o.isPresent() && o.get().id() != own.id()) {
                    problem(IntentionColumn.ORGANIZER, "reporting.error.notOwnUnit", named,
                            own.name());
                }
            } else {
                if (named == null) {
                    problem(IntentionColumn.ORGANIZER, "reporting.error.organizerRequired");
                    return actor;
                }
                Optional<OrganizationView> o = names.find(named);
                if (o.isEmpty()) {
                    problem(IntentionColumn.ORGANIZER, "reporting.error.unitUnknown", named);
                    return actor;
                }
                OrganizationView unit = o.get();
                boolean self = unit.id() == own.id();
                boolean under = unit.isUnit() && (actor.isCityAdmin()
                        || (unit.parentId() != null && unit.parentId() == own.id()));
                if (!self && !under) {
                    problem(IntentionColumn.ORGANIZER, "reporting.error.notUnder", unit.name(),
                            own.name());
                    return actor;
                }
                if (!self && !unit.isApproved()) {
                    problem(IntentionColumn.ORGANIZER, "reporting.error.unitPending", unit.name());
                    return actor;
                }
                target = unit;
            }
            checkCoordinator(target);
            if (target.id() == own.id()) {
                return actor;
            }
            String by = actor.displayName() + "（" + own.name() + "代为导入）";
            return new Actor(actor.accountId(), actor.username(), by.length() > 100 ? by.substring(0, 100) : by,
                    Role.ORGANIZER, target.id(), true);
        }

        private void checkCoordinator(OrganizationView target) {
            String named = text(IntentionColumn.COORDINATOR);
            if (named == null) {
                return;
            }
            Optional<OrganizationView> o = names.find(named);
            if (o.isEmpty()) {
                problem(IntentionColumn.COORDINATOR, "reporting.error.coordinatorUnknown", named);
                return;
            }
            OrganizationView body = o.get();
            if (body.kind() == OrganizationKind.CITY) {
                return;
            }
            Long expected = target.isUnit() ? target.parentId() : Long.valueOf(target.id());
            if (expected == null || body.id() != expected) {
                String should = target.isUnit() ? target.parentName() : target.name();
                problem(IntentionColumn.COORDINATOR, "reporting.error.coordinatorWrong", should, target.name());
            }
        }

        ActivityForm form() {
            String name = text(IntentionColumn.NAME);
            Integer jointAction = read(IntentionColumn.JOINT_ACTION, v -> CellValues.jointAction(v, campaign), null);
            List<Integer> themes = readRequired(IntentionColumn.THEMES, v -> CellValues.themes(v, campaign));
            ActivityFormat format = readRequired(IntentionColumn.FORMAT, CellValues::format);
            CellValues.When start = when(IntentionColumn.STARTS_AT);
            CellValues.When end = when(IntentionColumn.ENDS_AT);
            LocalDateTime startsAt = start == null ? null : start.asStart();
            LocalDateTime endsAt = end != null ? end.asEnd()
                    : start != null && start.time() == null ? start.asEnd() : null;
            if (end == null && start != null && start.time() != null && !flagged(IntentionColumn.ENDS_AT)) {
                problem(IntentionColumn.ENDS_AT, "reporting.error.endRequired");
            }
            Long divisionId = division();
            Set<Audience> audiences = readRequired(IntentionColumn.AUDIENCES, CellValues::audiences);
            Integer expected = null;
            XlsxSheetReader.Cell count = cell(IntentionColumn.EXPECTED);
            if (count != null) {
                try {
                    expected = CellValues.count(count);
                } catch (CellValues.Bad e) {
                    problem(IntentionColumn.EXPECTED, e.reason());
                }
            }
            Boolean key = read(IntentionColumn.KEY_ACTIVITY, CellValues::yesNo, false);
            String summary = text(IntentionColumn.SUMMARY);
            String remark = text(IntentionColumn.REMARK);
            String description = summary == null ? null : remark == null ? summary : summary + "\n备注：" + remark;
            String phone = text(IntentionColumn.CONTACT_PHONE);
            return new ActivityForm(name, jointAction, themes == null ? List.of() : themes, null, format,
                    startsAt, endsAt, divisionId, text(IntentionColumn.VENUE), url(), audiences == null ? Set.of()
                            : new LinkedHashSet<>(audiences), expected, false, null, key, summary, description,
                    text(IntentionColumn.CONTACT_NAME), phone == null ? null : Text.norm(phone));
        }

        private String url() {
            String u = text(IntentionColumn.ONLINE_URL);
            return u == null ? null : Text.norm(u).replace(" ", "");
        }

        private Long division() {
            String named = text(IntentionColumn.DIVISION);
            if (named == null) {
                return null;
            }
            Optional<OrganizationView> o = names.find(named).filter(d -> d.kind() == OrganizationKind.DIVISION);
            if (o.isEmpty()) {
                problem(IntentionColumn.DIVISION, "reporting.error.divisionUnknown", named,
                        UserMessage.list(names.divisions().stream().map(OrganizationView::name).toList()));
                return null;
            }
            return o.get().id();
        }

        private CellValues.When when(IntentionColumn c) {
            XlsxSheetReader.Cell cell = cell(c);
            if (cell == null) {
                return null;
            }
            try {
                return CellValues.when(cell, campaign.year());
            } catch (CellValues.Bad e) {
                problem(c, e.reason());
                return null;
            }
        }

        private interface Reader<T> {
            T read(String value) throws CellValues.Bad;
        }

        private <T> T read(IntentionColumn c, Reader<T> reader, T absent) {
            String v = text(c);
            if (v == null) {
                return absent;
            }
            try {
                return reader.read(v);
            } catch (CellValues.Bad e) {
                problem(c, e.reason());
                return absent;
            }
        }

        private <T> T readRequired(IntentionColumn c, Reader<T> reader) {
            return read(c, reader, null);
        }
    }
}
