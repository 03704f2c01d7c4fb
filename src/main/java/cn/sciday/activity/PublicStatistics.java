package cn.sciday.activity;

import java.util.Map;

/**
 * Counts over the published activities of the current campaign: how many, how many organizations run them, how
 * many divisions (市(区)) they cover, per division id, and how many have no division (online only).
 */
public record PublicStatistics(long activities, long organizations, long divisionsCovered,
        Map<Long, Long> byDivision, long withoutDivision) {

    public PublicStatistics {
        byDivision = Map.copyOf(byDivision);
    }

    public long inDivision(long divisionId) {
        return byDivision.getOrDefault(divisionId, 0L);
    }
}
