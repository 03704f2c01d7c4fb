package cn.sciday.online;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where like counts and rankings by likes are read from: the targets' {@code like_count} columns
 * ({@link DatabaseLikeCounts}), or with Redis configured per-target counters and ranking sorted sets kept after each
 * commit and rebuilt from the database ({@link RedisLikeCounts}). Only reads go through here: a like is written to
 * the database as always, where the one-per-person-per-day constraint decides.
 */
interface LikeCounts {

    /** The target's like count (0 for an unknown target). */
    int count(LikeTarget target, long targetId);

    /** The like counts of several targets (unknown ones are left out). */
    Map<Long, Integer> counts(LikeTarget target, Collection<Long> targetIds);

    /**
     * One page of the ranking by likes, most liked first, equal counts by lower id first: the approved entries of a
     * video round (optionally of one category), or the approved volunteers ({@code roundId} and {@code category}
     * null).
     */
    List<Long> ranking(LikeTarget target, Long roundId, String category, int offset, int limit);
}
