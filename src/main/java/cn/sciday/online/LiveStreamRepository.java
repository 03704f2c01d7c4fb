package cn.sciday.online;

import static cn.sciday.online.VideoRepository.instant;
import static cn.sciday.online.VideoRepository.nullableLong;
import static cn.sciday.online.VideoRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class LiveStreamRepository {

    private final JdbcClient jdbc;

    LiveStreamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(LiveStream s, long by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into live_stream (title, platform, url, starts_at, ends_at, activity_id, description,
                    created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.title(), s.platform(), s.url(), utc(s.startsAt()), utc(s.endsAt()), s.activityId(),
                        s.description(), by, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(LiveStream s, Instant now) {
        jdbc.sql("""
                update live_stream set title = ?, platform = ?, url = ?, starts_at = ?, ends_at = ?, activity_id = ?,
                    description = ?, updated_at = ? where id = ?""")
                .params(s.title(), s.platform(), s.url(), utc(s.startsAt()), utc(s.endsAt()), s.activityId(),
                        s.description(), utc(now), s.id())
                .update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from live_stream where id = ?").param(id).update() == 1;
    }

    Optional<LiveStream> find(long id) {
        return jdbc.sql("select * from live_stream where id = ?").param(id).query(this::row).optional();
    }

    /** Newest start first. */
    List<LiveStream> all() {
        return jdbc.sql("select * from live_stream order by starts_at desc, id desc").query(this::row).list();
    }

    /** On air at the instant, the earliest started first. */
    List<LiveStream> live(Instant now, int limit) {
        return jdbc.sql("""
                select * from live_stream where starts_at <= ? and ends_at > ? order by starts_at, id
                    fetch first ? rows only""")
                .params(utc(now), utc(now), limit).query(this::row).list();
    }

    /** Not started yet, the soonest first. */
    List<LiveStream> upcoming(Instant now, int limit) {
        return jdbc.sql("select * from live_stream where starts_at > ? order by starts_at, id fetch first ? rows only")
                .params(utc(now), limit).query(this::row).list();
    }

    boolean anyWithTitle(String title) {
        return jdbc.sql("select count(*) from live_stream where title = ?").param(title).query(Integer.class).single() > 0;
    }

    private LiveStream row(ResultSet rs, int i) throws SQLException {
        return new LiveStream(rs.getLong("id"), rs.getString("title"), rs.getString("platform"), rs.getString("url"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), nullableLong(rs, "activity_id"),
                rs.getString("description"));
    }
}
