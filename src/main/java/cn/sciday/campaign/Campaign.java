package cn.sciday.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/**
 * A city's science-day campaign for one year: the plan compiled into data.
 * Readable by every module; changed only through {@link CampaignManagement}.
 */
public final class Campaign {

    /** Campaign times are Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Long id;
    private final String planKey;
    private final int year;
    private final String city;
    private String title;
    private String theme;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String brandLabel;
    private String affiliation;
    private final PlanDocument document;
    private final String guidingIdeology;
    private final MainEvent mainEvent;
    private CampaignStatus status;
    private boolean lateSubmissionAllowed;
    private final List<ContentTheme> themes;
    private final List<JointAction> jointActions;
    private final List<CloudActivity> cloudActivities;
    private final List<WorkRequirement> workRequirements;
    private final List<Milestone> milestones;
    private final int version;

    Campaign(Long id, String planKey, int year, String city, String title, String theme, LocalDate startsOn,
            LocalDate endsOn, String brandLabel, String affiliation, PlanDocument document, String guidingIdeology,
            MainEvent mainEvent, CampaignStatus status, boolean lateSubmissionAllowed, List<ContentTheme> themes,
            List<JointAction> jointActions, List<CloudActivity> cloudActivities,
            List<WorkRequirement> workRequirements, List<Milestone> milestones, int version) {
        this.id = id;
        this.planKey = planKey;
        this.year = year;
        this.city = city;
        this.title = title;
        this.theme = theme;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.brandLabel = brandLabel;
        this.affiliation = affiliation;
        this.document = document;
        this.guidingIdeology = guidingIdeology;
        this.mainEvent = mainEvent;
        this.status = status;
        this.lateSubmissionAllowed = lateSubmissionAllowed;
        this.themes = new ArrayList<>(themes);
        this.jointActions = new ArrayList<>(jointActions);
        this.cloudActivities = List.copyOf(cloudActivities);
        this.workRequirements = List.copyOf(workRequirements);
        this.milestones = new ArrayList<>(milestones);
        this.version = version;
    }

    // ---- guarded changes ------------------------------------------------------------------------------------

    void edit(CampaignDetails details) {
        requireOpen();
        if (details.endsOn().isBefore(details.startsOn())) {
            throw new InvalidInputException("endsOn", "campaign.error.endsBeforeStart");
        }
        this.title = details.title().strip();
        this.theme = details.theme().strip();
        this.startsOn = details.startsOn();
        this.endsOn = details.endsOn();
        this.brandLabel = details.brandLabel().strip();
        this.affiliation = details.affiliation().strip();
        this.lateSubmissionAllowed = details.lateSubmissionAllowed();
    }

    void editJointAction(int number, String name, String description, List<String> leadUnits) {
        requireOpen();
        int index = indexOfJointAction(number);
        List<String> units = leadUnits.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "campaign.error.jointActionNameRequired");
        }
        if (name.strip().length() > 100) {
            throw new InvalidInputException("name", "campaign.error.jointActionNameTooLong");
        }
        if (units.isEmpty()) {
            throw new InvalidInputException("leadUnits", "campaign.error.leadUnitRequired");
        }
        if (units.stream().anyMatch(u -> u.length() > 100)) {
            throw new InvalidInputException("leadUnits", "campaign.error.leadUnitTooLong");
        }
        jointActions.set(index, new JointAction(number, name.strip(), description == null ? "" : description.strip(),
                units));
    }

    void moveMilestone(MilestoneKind kind, LocalDate dueOn) {
        requireOpen();
        Milestone current = milestone(kind);
        milestones.set(milestones.indexOf(current),
                new Milestone(kind, current.title(), dueOn, current.description()));
    }

    void activate() {
        if (status == CampaignStatus.ACTIVE) {
            throw new ConflictException("campaign.error.alreadyCurrent");
        }
        if (status == CampaignStatus.CLOSED) {
            throw new ConflictException("campaign.error.closedCannotActivate");
        }
        status = CampaignStatus.ACTIVE;
    }

    void close() {
        if (status == CampaignStatus.CLOSED) {
            throw new ConflictException("campaign.error.alreadyClosed");
        }
        status = CampaignStatus.CLOSED;
    }

    /**
     * A copy for another year: dates move on by the difference in years, themes, joint actions and milestones
     * are copied, and the copy starts as a draft.
     */
    Campaign cloneToYear(int newYear) {
        if (newYear <= year) {
            throw new InvalidInputException("year", "campaign.error.yearNotLater", year);
        }
        int years = newYear - year;
        String from = String.valueOf(year);
        String to = String.valueOf(newYear);
        String newKey = planKey.contains(from) ? planKey.replace(from, to) : planKey + "-" + to;
        MainEvent event = new MainEvent(mainEvent.name().replace(from, to), mainEvent.date().plusYears(years),
                mainEvent.venue(), mainEvent.description(), mainEvent.leadUnits());
        List<Milestone> moved = milestones.stream()
                .map(m -> new Milestone(m.kind(), m.title(), m.dueOn().plusYears(years), m.description()))
                .toList();
        return new Campaign(null, newKey, newYear, city, title.replace(from, to), theme,
                startsOn.plusYears(years), endsOn.plusYears(years), brandLabel.replace(from, to), affiliation,
                null, guidingIdeology, event, CampaignStatus.DRAFT, lateSubmissionAllowed, themes, jointActions,
                cloudActivities, workRequirements, moved, 0);
    }

    private void requireOpen() {
        if (status == CampaignStatus.CLOSED) {
            throw new ConflictException("campaign.error.closedCannotEdit");
        }
    }

    // ---- queries --------------------------------------------------------------------------------------------

    public Milestone milestone(MilestoneKind kind) {
        return milestones.stream().filter(m -> m.kind() == kind).findFirst()
                .orElseThrow(() -> new NotFoundException("milestone " + kind));
    }

    public Optional<JointAction> jointAction(int number) {
        return jointActions.stream().filter(j -> j.number() == number).findFirst();
    }

    public Optional<ContentTheme> contentTheme(int number) {
        return themes.stream().filter(t -> t.number() == number).findFirst();
    }

    /** Whether something arriving at {@code at} misses the milestone's deadline. */
    public boolean isLate(MilestoneKind kind, Instant at) {
        return milestone(kind).isLate(at, ZONE);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    private int indexOfJointAction(int number) {
        for (int i = 0; i < jointActions.size(); i++) {
            if (jointActions.get(i).number() == number) {
                return i;
            }
        }
        throw new NotFoundException("joint action " + number);
    }

    public Long id() {
        return id;
    }

    public String planKey() {
        return planKey;
    }

    public int year() {
        return year;
    }

    public String city() {
        return city;
    }

    public String title() {
        return title;
    }

    public String theme() {
        return theme;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public String brandLabel() {
        return brandLabel;
    }

    public String affiliation() {
        return affiliation;
    }

    public PlanDocument document() {
        return document;
    }

    public String guidingIdeology() {
        return guidingIdeology;
    }

    public MainEvent mainEvent() {
        return mainEvent;
    }

    public CampaignStatus status() {
        return status;
    }

    public boolean lateSubmissionAllowed() {
        return lateSubmissionAllowed;
    }

    public List<ContentTheme> themes() {
        return List.copyOf(themes);
    }

    public List<JointAction> jointActions() {
        return List.copyOf(jointActions);
    }

    public List<CloudActivity> cloudActivities() {
        return cloudActivities;
    }

    public List<WorkRequirement> workRequirements() {
        return workRequirements;
    }

    public List<Milestone> milestones() {
        return List.copyOf(milestones);
    }

    int version() {
        return version;
    }

    Campaign withId(Long newId) {
        return new Campaign(newId, planKey, year, city, title, theme, startsOn, endsOn, brandLabel, affiliation,
                document, guidingIdeology, mainEvent, status, lateSubmissionAllowed, themes, jointActions,
                cloudActivities, workRequirements, milestones, version);
    }
}
