package cn.sciday.campaign;

/** The deadlines of section 六 that the system acts on. */
public enum MilestoneKind {
    /** 活动意向征集表和汇总表报送 (09-24). */
    INTENTION,
    /** 全国科普日网站登记填报 (09-24). */
    NATIONAL_FILING,
    /** 信息完善: photos, videos, news links, online URLs (10-22). */
    COMPLETION,
    /** 阶段性总结 (10-22). */
    STAGE_SUMMARY,
    /** 全面总结 (12-10). */
    FULL_SUMMARY
}
