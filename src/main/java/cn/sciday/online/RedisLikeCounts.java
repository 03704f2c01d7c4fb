package cn.sciday.online;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Like counts and rankings in Redis, the database staying the truth (and the guard: its UNIQUE constraint still
 * decides whether a like counts).
 * <p>
 * Each target has a counter {@code likes:<TYPE>:n:<id>}, read with one {@code MGET} for a page and filled from the
 * database when missing. Rankings are sorted sets per scope (a video round, with one more per category; all
 * volunteers) whose score is minus the count and whose member is the zero-padded id, so {@code ZRANGE} gives most
 * liked first and, for equal counts, the lower id first, as {@code order by like_count desc, id} does.
 * <p>
 * After the transaction that records a like commits, the target's committed count is read back (one row by primary
 * key) and merged: the counter keeps the larger value, the sets the lower score ({@code ZADD LT}). Merging the
 * committed count rather than adding one makes an update and a rebuild that overlap agree; counts only go up between
 * two generations, because a voided like or a newly approved target moves the scope to a new generation (and drops
 * the counter), which the next read rebuilds from the database. Sets and counters are also rebuilt after
 * {@code sciday.online.redis.rebuild-every}; whenever Redis fails, the database answers. An update that could not
 * reach Redis marks its counter and ranking: the counter is dropped and the ranking rebuilt as soon as Redis answers
 * again (at this instance's next read of counts or of that ranking).
 */
class RedisLikeCounts implements LikeCounts {

    private static final Logger log = LoggerFactory.getLogger(RedisLikeCounts.class);
    private static final int BATCH = 1000;

    /** KEYS: counters; ARGV[1] time to live (ms), then one count per key. Keeps the larger; returns the values. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List> COUNTERS = new DefaultRedisScript<>("""
            local out = {}
            for i, key in ipairs(KEYS) do
              local cur = redis.call('GET', key)
              local new = tonumber(ARGV[i + 1])
              if (not cur) or tonumber(cur) < new then
                redis.call('SET', key, ARGV[i + 1], 'PX', ARGV[1])
                out[i] = new
              else
                out[i] = tonumber(cur)
              end
            end
            return out""", List.class);

    /**
     * KEYS[1] the scope's generation key. ARGV: the scope's key prefix, the sets' time to live (ms), the generation
     * ("" = the current one), then per target: member (padded id), count, category ("" when none).
     */
    private static final RedisScript<Long> MERGE = new DefaultRedisScript<>("""
            local gen = ARGV[3]
            if gen == '' then gen = redis.call('GET', KEYS[1]) or '0' end
            local base = ARGV[1] .. ':g' .. gen
            local ttl = tonumber(ARGV[2])
            local sets = {}
            for i = 4, #ARGV, 3 do
              local score = -tonumber(ARGV[i + 1])
              redis.call('ZADD', base .. ':all', 'LT', score, ARGV[i])
              sets[base .. ':all'] = true
              if ARGV[i + 2] ~= '' then
                local c = base .. ':c:' .. ARGV[i + 2]
                redis.call('ZADD', c, 'LT', score, ARGV[i])
                sets[c] = true
              end
            end
            for key, _ in pairs(sets) do
              if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ttl) end
            end
            return 1""", Long.class);

    /**
     * KEYS[1] the scope's generation key. ARGV: the scope's key prefix, category or "", first and last position.
     * Returns {0} when the current generation is not ready, else {1, members…}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List> READ = new DefaultRedisScript<>("""
            local gen = redis.call('GET', KEYS[1])
            if not gen then return {0} end
            local base = ARGV[1] .. ':g' .. gen
            if redis.call('EXISTS', base .. ':ready') == 0 then return {0} end
            local set = base .. ':all'
            if ARGV[2] ~= '' then set = base .. ':c:' .. ARGV[2] end
            local out = {1}
            for _, m in ipairs(redis.call('ZRANGE', set, tonumber(ARGV[3]), tonumber(ARGV[4]))) do
              out[#out + 1] = m
            end
            return out""", List.class);

    private final OnlineRedis redis;
    private final LikeRepository repo;
    private final DatabaseLikeCounts database;
    /** A ranking: all volunteers, or one video round's entries. */
    private record Scope(LikeTarget target, Long roundId) {
    }

    /** Rankings whose update could not reach Redis: rebuilt at the next read of them on this instance. */
    private final Set<Scope> stale = ConcurrentHashMap.newKeySet();
    /** Counters whose update could not reach Redis: dropped (then filled from the database) as soon as it answers. */
    private final Set<String> staleCounters = ConcurrentHashMap.newKeySet();

    /** Only the negative control of the comparison test turns this off, to show that a missed update is seen. */
    volatile boolean applyUpdates = true;

    RedisLikeCounts(OnlineRedis redis, LikeRepository repo) {
        this.redis = redis;
        this.repo = repo;
        this.database = new DatabaseLikeCounts(repo);
    }

    @Override
    public int count(LikeTarget target, long targetId) {
        return counts(target, List.of(targetId)).getOrDefault(targetId, 0);
    }

    @Override
    public Map<Long, Integer> counts(LikeTarget target, Collection<Long> targetIds) {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(targetIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            dropStaleCounters();
            List<String> values = redis.redis.opsForValue().multiGet(ids.stream().map(id -> counter(target, id)).toList());
            Map<Long, Integer> out = new LinkedHashMap<>();
            List<Long> missing = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String v = values == null ? null : values.get(i);
                if (v == null) {
                    missing.add(ids.get(i));
                } else {
                    out.put(ids.get(i), Integer.parseInt(v));
                }
            }
            if (!missing.isEmpty()) {
                out.putAll(fill(target, repo.counters(target, missing)));
            }
            return out;
        } catch (DataAccessException e) {
            log.warn("Like counts read from the database: Redis failed: {}", e.toString());
            return database.counts(target, ids);
        }
    }

    @Override
    public List<Long> ranking(LikeTarget target, Long roundId, String category, int offset, int limit) {
        String scope = scope(target, roundId);
        try {
            if (!repair(new Scope(target, roundId))) {
                return database.ranking(target, roundId, category, offset, limit);
            }
            List<Long> ids = read(scope, category, offset, limit);
            if (ids == null && rebuild(target, roundId)) {
                ids = read(scope, category, offset, limit);
            }
            if (ids != null) {
                return ids;
            }
        } catch (DataAccessException e) {
            log.warn("Ranking by likes read from the database: Redis failed: {}", e.toString());
        }
        return database.ranking(target, roundId, category, offset, limit);
    }

    /** After the commit of a like: merges the target's committed count into its counter and rankings. */
    @TransactionalEventListener(fallbackExecution = true)
    void counted(LikeEvents.Counted event) {
        if (!applyUpdates) {
            return;
        }
        LikeRepository.Ranked ranked = null;
        try {
            ranked = repo.ranked(event.target(), event.targetId()).orElse(null);
            if (ranked == null) {
                return;
            }
            fill(event.target(), Map.of(ranked.id(), ranked.likes()));
            if (ranked.approved()) {
                merge(scope(event.target(), ranked.roundId()), "", List.of(ranked));
            }
        } catch (RuntimeException e) {
            missed(event.target(), event.targetId(), ranked);
            log.warn("A like on {} {} did not reach Redis; its count and ranking will be taken from the database "
                    + "again: {}", event.target(), event.targetId(), e.toString());
        }
    }

    /** After a like was voided or a target approved: drops the counter and moves the scope to a new generation. */
    @TransactionalEventListener(fallbackExecution = true)
    void changed(LikeEvents.Changed event) {
        LikeRepository.Ranked ranked = null;
        try {
            ranked = repo.ranked(event.target(), event.targetId()).orElse(null);
            redis.redis.delete(counter(event.target(), event.targetId()));
            if (ranked != null) {
                redis.nextGeneration(scope(event.target(), ranked.roundId()));
            }
        } catch (RuntimeException e) {
            missed(event.target(), event.targetId(), ranked);
            log.warn("A change of {} {} did not reach Redis; its count and ranking will be taken from the database "
                    + "again: {}", event.target(), event.targetId(), e.toString());
        }
    }

    /** An update of a target's counter (and of its ranking, when known) could not reach Redis. */
    private void missed(LikeTarget target, long targetId, LikeRepository.Ranked ranked) {
        staleCounters.add(counter(target, targetId));
        if (ranked != null) {
            stale.add(new Scope(target, ranked.roundId()));
        }
    }

    private void dropStaleCounters() {
        if (staleCounters.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(staleCounters);
        redis.redis.delete(keys);
        keys.forEach(staleCounters::remove);
    }

    /** Rebuilds a ranking whose update missed Redis; true when it needs none (any more). See RedisQuizBoards#repair. */
    private boolean repair(Scope scope) {
        if (!stale.remove(scope)) {
            return true;
        }
        boolean done = false;
        try {
            done = rebuild(scope.target(), scope.roundId());
        } finally {
            if (!done) {
                stale.add(scope);
            }
        }
        return done;
    }

    /** Rebuilds a scope's rankings from the database in a new generation; false when another instance does it. */
    boolean rebuild(LikeTarget target, Long roundId) {
        String scope = scope(target, roundId);
        return redis.rebuild(scope, generation -> {
            List<LikeRepository.Ranked> all = repo.approvedRanked(target, roundId);
            for (int i = 0; i < all.size(); i += BATCH) {
                merge(scope, String.valueOf(generation), all.subList(i, Math.min(all.size(), i + BATCH)));
            }
            return all.size();
        });
    }

    String scope(LikeTarget target, Long roundId) {
        return redis.prefix + "likes:" + target.name() + ":" + (target == LikeTarget.VIDEO ? roundId : "all");
    }

    String counter(LikeTarget target, long id) {
        return redis.prefix + "likes:" + target.name() + ":n:" + id;
    }

    /** Stores counts read from the database, keeping a larger one already there; returns what the counters hold. */
    private Map<Long, Integer> fill(LikeTarget target, Map<Long, Integer> fromDatabase) {
        List<Long> ids = List.copyOf(fromDatabase.keySet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> args = new ArrayList<>();
        args.add(redis.readyMillis());
        ids.forEach(id -> args.add(String.valueOf(fromDatabase.get(id))));
        List<?> held = redis.redis.execute(COUNTERS, ids.stream().map(id -> counter(target, id)).toList(),
                args.toArray());
        Map<Long, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), ((Number) held.get(i)).intValue());
        }
        return out;
    }

    private void merge(String scope, String generation, List<LikeRepository.Ranked> targets) {
        List<String> args = new ArrayList<>(3 + 3 * targets.size());
        args.add(scope);
        args.add(redis.keepMillis());
        args.add(generation);
        for (LikeRepository.Ranked t : targets) {
            args.add(OnlineRedis.pad(t.id(), 19));
            args.add(String.valueOf(t.likes()));
            args.add(t.category() == null ? "" : t.category());
        }
        redis.redis.execute(MERGE, List.of(scope + ":gen"), args.toArray());
    }

    private List<Long> read(String scope, String category, int offset, int limit) {
        List<?> r = redis.redis.execute(READ, List.of(scope + ":gen"), scope, category == null ? "" : category,
                String.valueOf(offset), String.valueOf(offset + limit - 1));
        if (r == null || r.isEmpty() || ((Number) r.get(0)).longValue() == 0) {
            return null;
        }
        List<Long> ids = new ArrayList<>(r.size() - 1);
        for (int i = 1; i < r.size(); i++) {
            ids.add(Long.parseLong((String) r.get(i)));
        }
        return ids;
    }
}
