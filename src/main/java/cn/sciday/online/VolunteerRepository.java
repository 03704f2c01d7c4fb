package cn.sciday.online;

import static cn.sciday.online.VideoRepository.instant;
import static cn.sciday.online.VideoRepository.nullableLong;
import static cn.sciday.online.VideoRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class VolunteerRepository {

    private final JdbcClient jdbc;

    VolunteerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long organizationId, String unitName, String name, String story, Long photoId, VolunteerStatus status,
            long submittedBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into volunteer (organization_id, unit_name, person_name, story, photo_media_id, status,
                    submitted_by, reviewed_at, like_count, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(organizationId, unitName, name, story, photoId, status.name(), submittedBy,
                        status == VolunteerStatus.APPROVED ? utc(now) : null, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Saves an edit; the profile goes back to review. */
    void update(long id, String name, String story, Long photoId, Instant now) {
        jdbc.sql("""
                update volunteer set person_name = ?, story = ?, photo_media_id = ?, status = 'PENDING',
                    rejection_reason = null, reviewed_by = null, reviewed_at = null, updated_at = ? where id = ?""")
                .params(name, story, photoId, utc(now), id).update();
    }

    boolean review(long id, VolunteerStatus status, String reason, long by, Instant now) {
        return jdbc.sql("""
                update volunteer set status = ?, rejection_reason = ?, reviewed_by = ?, reviewed_at = ?,
                    updated_at = ? where id = ? and status = 'PENDING'""")
                .params(status.name(), reason, by, utc(now), utc(now), id).update() == 1;
    }

    Optional<Volunteer> find(long id) {
        return jdbc.sql("select * from volunteer where id = ?").param(id).query(this::row).optional();
    }

    List<Volunteer> ofUnit(long organizationId) {
        return jdbc.sql("select * from volunteer where organization_id = ? order by created_at desc, id desc")
                .param(organizationId).query(this::row).list();
    }

    List<Volunteer> byStatus(VolunteerStatus status, int limit) {
        return jdbc.sql("select * from volunteer where status = ? order by created_at, id fetch first ? rows only")
                .params(status.name(), limit).query(this::row).list();
    }

    int countByStatus(VolunteerStatus status) {
        return jdbc.sql("select count(*) from volunteer where status = ?").param(status.name())
                .query(Integer.class).single();
    }

    List<Volunteer> approved(boolean byLikes, int limit, int offset) {
        return jdbc.sql("select * from volunteer where status = 'APPROVED' order by "
                + (byLikes ? "like_count desc, id asc" : "reviewed_at desc, id desc")
                + " offset ? rows fetch first ? rows only")
                .params(offset, limit).query(this::row).list();
    }

    /** The profiles with these ids, in the order of the ids (ids not found are left out). */
    List<Volunteer> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Volunteer> byId = new HashMap<>();
        jdbc.sql("select * from volunteer where id in (:ids)").param("ids", ids).query(this::row).list()
                .forEach(v -> byId.put(v.id(), v));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    boolean anyOf(long organizationId, String name) {
        return jdbc.sql("select count(*) from volunteer where organization_id = ? and person_name = ?")
                .params(organizationId, name).query(Integer.class).single() > 0;
    }

    private Volunteer row(ResultSet rs, int i) throws SQLException {
        return new Volunteer(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("unit_name"),
                rs.getString("person_name"), rs.getString("story"), nullableLong(rs, "photo_media_id"),
                VolunteerStatus.valueOf(rs.getString("status")), rs.getString("rejection_reason"),
                rs.getLong("submitted_by"), rs.getInt("like_count"), instant(rs, "created_at"));
    }
}
