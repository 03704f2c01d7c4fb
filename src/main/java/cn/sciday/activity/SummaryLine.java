package cn.sciday.activity;

/** One organization with its stage and full summaries, for the coordinator's and the city's tables. */
public record SummaryLine(long organizationId, String organizationName, String parentName, SummaryState stage,
        SummaryState full) {
}
