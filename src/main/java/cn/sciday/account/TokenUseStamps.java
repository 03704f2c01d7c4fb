package cn.sciday.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each API token was last used, written in the background: a request only notes the time here, and every few
 * seconds (and when the instance stops) the waiting stamps go to the database in one batch. A stamp never moves a
 * token's time backwards, so instances may write in any order. Before this, the first request of a token in each
 * minute wrote the stamp itself, a commit of its own on the request's path.
 */
@Component
class TokenUseStamps {

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<Long, Instant> waiting = new ConcurrentHashMap<>();

    TokenUseStamps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes that a token was used at {@code at} (the later time wins). */
    void used(long tokenId, Instant at) {
        waiting.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How many stamps wait to be written. */
    int waiting() {
        return waiting.size();
    }

    @Scheduled(fixedDelayString = "${sciday.api-tokens.stamp-delay:PT5S}",
            initialDelayString = "${sciday.api-tokens.stamp-delay:PT5S}")
    @PreDestroy
    void write() {
        flush();
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
