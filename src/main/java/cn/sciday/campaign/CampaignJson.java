package cn.sciday.campaign;

import java.time.LocalDate;
import java.util.List;

/** The campaign as the API shows it. */
record CampaignJson(long id, int year, String city, String title, String theme, Period period, String brandLabel,
        String affiliation, String status, boolean lateSubmissionAllowed, PlanDocument document, MainEvent mainEvent,
        List<ContentTheme> themes, List<JointAction> jointActions, List<CloudActivity> cloudActivities,
        List<WorkRequirement> workRequirements, List<MilestoneJson> milestones) {

    record Period(LocalDate start, LocalDate end) {
    }

    record MilestoneJson(String kind, String title, LocalDate dueDate, String description) {
    }

    static CampaignJson of(Campaign c) {
        return new CampaignJson(c.id(), c.year(), c.city(), c.title(), c.theme(),
                new Period(c.startsOn(), c.endsOn()), c.brandLabel(), c.affiliation(), c.status().name(),
                c.lateSubmissionAllowed(), c.document(), c.mainEvent(), c.themes(), c.jointActions(),
                c.cloudActivities(), c.workRequirements(),
                c.milestones().stream()
                        .map(m -> new MilestoneJson(m.kind().name(), m.title(), m.dueOn(), m.description()))
                        .toList());
    }
}
