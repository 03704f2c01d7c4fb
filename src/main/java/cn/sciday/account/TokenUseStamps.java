package cn.sciday.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When each API token was last used, written in the background: a request only notes the time here, and every few
 * seconds ({@code sciday.api-tokens.stamp-delay}, default 5 s) and when the instance stops, this instance's waiting
 * stamps go to the database in one batch, from a thread of its own ({@code token-stamps}: every instance writes its
 * own stamps, so this is no cluster-wide job under ShedLock). A stamp never moves a token's time backwards, so
 * instances may write in any order. Before this, the first request of a token in each minute wrote the stamp itself,
 * a commit of its own on the request's path.
 */
@Component
class TokenUseStamps {

    private static final Logger log = LoggerFactory.getLogger(TokenUseStamps.class);

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<Long, Instant> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "token-stamps");
        t.setDaemon(true);
        return t;
    });

    TokenUseStamps(JdbcTemplate jdbc, @Value("${sciday.api-tokens.stamp-delay:PT5S}") Duration delay) {
        this.jdbc = jdbc;
        writer.scheduleWithFixedDelay(this::write, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Notes that a token was used at {@code at} (the later time wins). */
    void used(long tokenId, Instant at) {
        waiting.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How many stamps wait to be written. */
    int waiting() {
        return waiting.size();
    }

    private void write() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the database is away: the stamps are lost, which only makes "last used" a little older
            log.warn("Could not write API token use stamps: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        writer.shutdownNow();
        write();
    }

    /** Writes the waiting stamps in one batch; returns how many. */
    int flush() {
        List<Object[]> batch = new ArrayList<>();
        for (Long id : waiting.keySet()) {
            Instant at = waiting.remove(id);
            if (at != null) {
                var t = at.atOffset(ZoneOffset.UTC);
                batch.add(new Object[] {t, id, t});
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("update api_token set last_used_at = ? where id = ?"
                    + " and (last_used_at is null or last_used_at < ?)", batch);
        }
        return batch.size();
    }
}
