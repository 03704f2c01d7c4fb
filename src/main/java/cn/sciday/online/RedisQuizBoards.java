package cn.sciday.online;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Leaderboards in Redis, one sorted set per round and one per round and division, the database staying the truth.
 * <p>
 * Every member has score 0 and sorts by its bytes: {@code 9999999999 - score} (10 digits), the time taken in
 * milliseconds (19), the finish time's epoch second (12) and nanosecond (9), the account id (19), so the set's own
 * order is the SQL order {@code best_score desc, best_millis, best_finished_at, account_id}. The top N is
 * {@code ZRANGE 0 N-1}; one's rank is 1 + {@code ZLEXCOUNT} of the members below the first 50 characters (score,
 * time, finish), so people equal on all three share a rank exactly as in the database. A hash maps each account to
 * its member, division and display name; one script updates them together and keeps only the better of two results.
 * <p>
 * After the transaction that records a new best commits, that result waits at most {@code sciday.online.redis
 * .merge-delay} (10 ms) and is merged with the others that came meanwhile, in one script per round (no database
 * read): at a round's end thousands of results a second arrive, and one round trip each cost the app and Redis more
 * than the rest of the submission's Redis work. A board read on this instance first merges what waits (and waits for
 * a merge under way), so a person reading the board after their submission sees it; another instance sees it once
 * merged. A round's
 * sets are rebuilt from the database when they are missing (Redis flushed or restarted), when they are older than
 * {@code sciday.online.redis.rebuild-every}, or after an update on this instance could not reach Redis (at this
 * instance's next read of that round, which is also when Redis back after an outage that lost nothing gets what it
 * missed); while another instance rebuilds, and whenever Redis fails, the database answers.
 */
class RedisQuizBoards implements QuizBoards, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisQuizBoards.class);

    /** The sortable prefix of a member: score, time, finish; the account id follows. */
    static final int RESULT_WIDTH = 50;
    private static final int BATCH = 500;
    private static final long MAX_SCORE = 9_999_999_999L;

    /**
     * KEYS[1] the round's generation key. ARGV: the round's key prefix, the sets' time to live (ms), the generation
     * ("" = the current one), then per participant: account (19 digits), member, division id, display name. Keeps
     * for each account the better (lexically smaller) member. Returns how many changed.
     */
    private static final RedisScript<Long> MERGE = new DefaultRedisScript<>("""
            local gen = ARGV[3]
            if gen == '' then gen = redis.call('GET', KEYS[1]) or '0' end
            local base = ARGV[1] .. ':g' .. gen
            local ttl = tonumber(ARGV[2])
            local all, who = base .. ':all', base .. ':who'
            local changed = 0
            for i = 4, #ARGV, 4 do
              local acct, member, div, name = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
              local division = base .. ':d:' .. div
              local old = redis.call('HGET', who, acct)
              local better = true
              if old then
                local om = string.sub(old, 1, string.find(old, '|', 1, true) - 1)
                if om <= member then
                  better = false
                else
                  redis.call('ZREM', all, om)
                  redis.call('ZREM', division, om)
                end
              end
              if better then
                redis.call('ZADD', all, 0, member)
                redis.call('ZADD', division, 0, member)
                redis.call('HSET', who, acct, member .. '|' .. div .. '|' .. name)
                if redis.call('PTTL', division) < 0 then redis.call('PEXPIRE', division, ttl) end
                changed = changed + 1
              end
            end
            if redis.call('PTTL', all) < 0 then redis.call('PEXPIRE', all, ttl) end
            if redis.call('PTTL', who) < 0 then redis.call('PEXPIRE', who, ttl) end
            return changed""", Long.class);

    /**
     * KEYS[1] the round's generation key. ARGV: the round's key prefix, the division id or "", N, the reader's
     * account (19 digits) or "". Returns {0} when the current generation is not ready, else {1, ranked, top N
     * members, their hash values, the reader's hash value or "", how many are strictly better than the reader}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List> READ = new DefaultRedisScript<>("""
            local gen = redis.call('GET', KEYS[1])
            if not gen then return {0} end
            local base = ARGV[1] .. ':g' .. gen
            if redis.call('EXISTS', base .. ':ready') == 0 then return {0} end
            local set = base .. ':all'
            if ARGV[2] ~= '' then set = base .. ':d:' .. ARGV[2] end
            local who = base .. ':who'
            local members = redis.call('ZRANGE', set, 0, tonumber(ARGV[3]) - 1)
            local infos = {}
            if #members > 0 then
              local accounts = {}
              for i, m in ipairs(members) do accounts[i] = string.sub(m, -19) end
              infos = redis.call('HMGET', who, unpack(accounts))
            end
            local mine, better = '', -1
            if ARGV[4] ~= '' then
              local info = redis.call('HGET', who, ARGV[4])
              if info then
                local m = string.sub(info, 1, string.find(info, '|', 1, true) - 1)
                if redis.call('ZSCORE', set, m) then
                  mine = info
                  better = redis.call('ZLEXCOUNT', set, '-', '(' .. string.sub(m, 1, 50))
                end
              end
            end
            return {1, redis.call('ZCARD', set), members, infos, mine, better}""", List.class);

    private final OnlineRedis redis;
    private final DatabaseQuizBoards database;
    /** Rounds whose update could not reach Redis: rebuilt at the next read on this instance. */
    private final Set<Long> stale = ConcurrentHashMap.newKeySet();

    /** New bests not merged yet, in the order they came. */
    private final ConcurrentLinkedQueue<QuizBestImproved> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean mergeScheduled = new AtomicBoolean();
    private final ScheduledExecutorService merger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiz-board-merge");
        t.setDaemon(true);
        return t;
    });
    private final Duration mergeDelay;

    /** Only the negative control of the comparison test turns this off, to show that a missed update is seen. */
    volatile boolean applyUpdates = true;

    RedisQuizBoards(OnlineRedis redis, DatabaseQuizBoards database, Duration mergeDelay) {
        this.redis = redis;
        this.database = database;
        this.mergeDelay = mergeDelay;
    }

    @Override
    public Snapshot board(long roundId, Long divisionId, int n, Long accountId, Map<Long, String> divisionNames) {
        try {
            mergeWaiting();
            if (!repair(roundId)) {
                return database.board(roundId, divisionId, n, accountId, divisionNames);
            }
            List<?> read = read(roundId, divisionId, n, accountId);
            if (read == null && rebuild(roundId)) {
                read = read(roundId, divisionId, n, accountId);
            }
            if (read != null) {
                return decode(read, divisionNames);
            }
        } catch (DataAccessException e) {
            log.warn("Leaderboard of quiz round {} read from the database: Redis failed: {}", roundId, e.toString());
        }
        return database.board(roundId, divisionId, n, accountId, divisionNames);
    }

    /**
     * After the commit that recorded a new best: queues it for the next merge, scheduled {@code mergeDelay} after the
     * first result of a quiet spell (the script keeps the better of two results of a person, so concurrent
     * improvements end with the best one, as in the database, in whatever order they are merged).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void bestImproved(QuizBestImproved event) {
        if (!applyUpdates) {
            return;
        }
        waiting.add(event);
        if (mergeScheduled.compareAndSet(false, true)) {
            try {
                merger.schedule(this::mergeWaitingQuietly, mergeDelay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                mergeScheduled.set(false);
                mergeWaiting();
            }
        }
    }

    /**
     * Merges every result waiting, one script per round (and per {@value #BATCH} results), and returns when they are
     * in Redis; a merge under way on another thread is waited for. A round whose results did not reach Redis is
     * marked for a rebuild from the database at the next read.
     */
    synchronized void mergeWaiting() {
        Map<Long, List<QuizLeaderboard.Entry>> byRound = new LinkedHashMap<>();
        for (QuizBestImproved e = waiting.poll(); e != null; e = waiting.poll()) {
            byRound.computeIfAbsent(e.roundId(), r -> new ArrayList<>()).add(e.best());
        }
        byRound.forEach((roundId, entries) -> {
            try {
                for (int i = 0; i < entries.size(); i += BATCH) {
                    merge(roundId, "", entries.subList(i, Math.min(entries.size(), i + BATCH)));
                }
            } catch (RuntimeException e) {
                stale.add(roundId);
                log.warn("Quiz round {}: {} new bests did not reach Redis; the round's board will be rebuilt from the "
                        + "database: {}", roundId, entries.size(), e.toString());
            }
        });
    }

    /**
     * The scheduled merge. The flag is cleared before the queue is read, so a result added after this line schedules
     * the next merge; a board read merges too but leaves the flag alone, so that reads between results do not make
     * every result schedule a merge of its own.
     */
    private void mergeWaitingQuietly() {
        mergeScheduled.set(false);
        try {
            mergeWaiting();
        } catch (RuntimeException e) {
            log.warn("Merging quiz results into Redis failed: {}", e.toString());
        }
    }

    /** Merges what waits before the app stops. */
    @Override
    public void destroy() {
        merger.shutdownNow();
        mergeWaiting();
    }

    /**
     * Rebuilds the round if an update of it could not reach Redis; true when it needs none (any more). The round stays
     * marked until a rebuild succeeds (a failure of Redis on the way propagates), so that Redis back after an outage
     * that lost nothing still gets what it missed.
     */
    boolean repair(long roundId) {
        if (!stale.remove(roundId)) {
            return true;
        }
        boolean done = false;
        try {
            done = rebuild(roundId);
        } finally {
            if (!done) {
                stale.add(roundId);
            }
        }
        return done;
    }

    /**
     * Rebuilds a round's sets from the database in a new generation. False when another instance is rebuilding it
     * (then the database answers meanwhile).
     */
    boolean rebuild(long roundId) {
        return redis.rebuild(scope(roundId), generation -> {
            List<QuizLeaderboard.Entry> all = database.all(roundId);
            for (int i = 0; i < all.size(); i += BATCH) {
                merge(roundId, String.valueOf(generation), all.subList(i, Math.min(all.size(), i + BATCH)));
            }
            return all.size();
        });
    }

    String scope(long roundId) {
        return redis.prefix + "quiz:" + roundId;
    }

    private void merge(long roundId, String generation, List<QuizLeaderboard.Entry> entries) {
        List<String> args = new ArrayList<>(3 + 4 * entries.size());
        args.add(scope(roundId));
        args.add(redis.keepMillis());
        args.add(generation);
        for (QuizLeaderboard.Entry e : entries) {
            args.add(OnlineRedis.pad(e.accountId(), 19));
            args.add(member(e));
            args.add(String.valueOf(e.divisionId()));
            args.add(e.name() == null ? "" : e.name());
        }
        redis.redis.execute(MERGE, List.of(scope(roundId) + ":gen"), args.toArray());
    }

    private List<?> read(long roundId, Long divisionId, int n, Long accountId) {
        List<?> r = redis.redis.execute(READ, List.of(scope(roundId) + ":gen"), scope(roundId),
                divisionId == null ? "" : String.valueOf(divisionId), String.valueOf(n),
                accountId == null ? "" : OnlineRedis.pad(accountId, 19));
        return r == null || r.isEmpty() || ((Number) r.get(0)).longValue() == 0 ? null : r;
    }

    private static Snapshot decode(List<?> r, Map<Long, String> divisionNames) {
        long ranked = ((Number) r.get(1)).longValue();
        List<?> members = (List<?>) r.get(2);
        List<?> infos = (List<?>) r.get(3);
        List<QuizLeaderboard.Entry> top = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            top.add(entry((String) members.get(i), (String) infos.get(i), divisionNames, 0));
        }
        String mine = (String) r.get(4);
        QuizLeaderboard.Entry me = mine == null || mine.isEmpty() ? null
                : entry(mine.substring(0, mine.indexOf('|')), mine, divisionNames,
                        (int) ((Number) r.get(5)).longValue() + 1);
        return new Snapshot(QuizBoards.ranked(top), ranked, me);
    }

    /** The sortable member of a result: see the class comment. */
    static String member(QuizLeaderboard.Entry e) {
        if (e.score() < 0 || e.millis() < 0) {
            throw new IllegalArgumentException("a leaderboard result cannot be negative: " + e);
        }
        return OnlineRedis.pad(MAX_SCORE - e.score(), 10) + OnlineRedis.pad(e.millis(), 19)
                + OnlineRedis.pad(e.finishedAt().getEpochSecond(), 12) + OnlineRedis.pad(e.finishedAt().getNano(), 9)
                + OnlineRedis.pad(e.accountId(), 19);
    }

    private static QuizLeaderboard.Entry entry(String member, String info, Map<Long, String> divisionNames, int rank) {
        String[] parts = info.split("\\|", 3);
        long division = Long.parseLong(parts[1]);
        int score = (int) (MAX_SCORE - Long.parseLong(member.substring(0, 10)));
        long millis = Long.parseLong(member.substring(10, 29));
        Instant finished = Instant.ofEpochSecond(Long.parseLong(member.substring(29, 41)),
                Long.parseLong(member.substring(41, 50)));
        long account = Long.parseLong(member.substring(50));
        return new QuizLeaderboard.Entry(rank, account, parts[2], division, divisionNames.getOrDefault(division, ""),
                score, millis, finished);
    }
}
