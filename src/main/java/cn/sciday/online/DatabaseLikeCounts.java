package cn.sciday.online;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Like counts and rankings from the database alone: the targets' {@code like_count} columns. */
class DatabaseLikeCounts implements LikeCounts {

    private final LikeRepository repo;

    DatabaseLikeCounts(LikeRepository repo) {
        this.repo = repo;
    }

    @Override
    public int count(LikeTarget target, long targetId) {
        return repo.counter(target, targetId);
    }

    @Override
    public Map<Long, Integer> counts(LikeTarget target, Collection<Long> targetIds) {
        return repo.counters(target, targetIds);
    }

    @Override
    public List<Long> ranking(LikeTarget target, Long roundId, String category, int offset, int limit) {
        return repo.rankedIds(target, roundId, category, offset, limit);
    }
}
