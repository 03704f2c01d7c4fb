package cn.sciday.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.sciday.web.ConflictException;

/** Quiz rounds in table {@code quiz_round}. */
@Repository
class QuizRoundRepository {

    private static final String COLUMNS = "id, campaign_id, title, opens_at, closes_at, true_false_count, single_count, "
            + "multiple_count, points_per_question, seconds_per_question, total_seconds, attempts_per_day, "
            + "practice_enabled, leaderboard_size, version";

    private final JdbcClient jdbc;

    QuizRoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(QuizRound r, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quiz_round (campaign_id, title, opens_at, closes_at, true_false_count, single_count,
                    multiple_count, points_per_question, seconds_per_question, total_seconds, attempts_per_day,
                    practice_enabled, leaderboard_size, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(r.campaignId(), r.title(), Timestamp.from(r.opensAt()), Timestamp.from(r.closesAt()),
                        r.trueFalseCount(), r.singleCount(), r.multipleCount(), r.pointsPerQuestion(),
                        r.secondsPerQuestion(), r.totalSeconds(), r.attemptsPerDay(), r.practiceEnabled(),
                        r.leaderboardSize(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(QuizRound r, Instant now) {
        int n = jdbc.sql("""
                update quiz_round set title = ?, opens_at = ?, closes_at = ?, true_false_count = ?, single_count = ?,
                    multiple_count = ?, points_per_question = ?, seconds_per_question = ?, total_seconds = ?,
                    attempts_per_day = ?, practice_enabled = ?, leaderboard_size = ?, version = version + 1,
                    updated_at = ?
                where id = ? and version = ?""")
                .params(r.title(), Timestamp.from(r.opensAt()), Timestamp.from(r.closesAt()), r.trueFalseCount(),
                        r.singleCount(), r.multipleCount(), r.pointsPerQuestion(), r.secondsPerQuestion(),
                        r.totalSeconds(), r.attemptsPerDay(), r.practiceEnabled(), r.leaderboardSize(),
                        Timestamp.from(now), r.id(), r.version())
                .update();
        if (n == 0) {
            throw new ConflictException("online.error.roundChanged");
        }
    }

    Optional<QuizRound> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from quiz_round where id = ?").params(id)
                .query(QuizRoundRepository::map).optional();
    }

    List<QuizRound> findByCampaign(long campaignId) {
        return jdbc.sql("select " + COLUMNS + " from quiz_round where campaign_id = ? order by opens_at desc, id desc")
                .params(campaignId).query(QuizRoundRepository::map).list();
    }

    static QuizRound map(ResultSet rs, int row) throws SQLException {
        return new QuizRound(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("title"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                rs.getInt("true_false_count"), rs.getInt("single_count"), rs.getInt("multiple_count"),
                rs.getInt("points_per_question"), rs.getInt("seconds_per_question"), rs.getInt("total_seconds"),
                rs.getInt("attempts_per_day"), rs.getBoolean("practice_enabled"), rs.getInt("leaderboard_size"),
                rs.getInt("version"));
    }
}
