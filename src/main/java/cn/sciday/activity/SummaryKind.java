package cn.sciday.activity;

import cn.sciday.campaign.MilestoneKind;

/** 阶段性总结 (stage summary, due 10-22) and 全面总结 (full summary, due 12-10). */
public enum SummaryKind {
    STAGE(MilestoneKind.STAGE_SUMMARY), FULL(MilestoneKind.FULL_SUMMARY);

    private final MilestoneKind milestone;

    SummaryKind(MilestoneKind milestone) {
        this.milestone = milestone;
    }

    /** The campaign deadline this summary is due by. */
    public MilestoneKind milestone() {
        return milestone;
    }
}
