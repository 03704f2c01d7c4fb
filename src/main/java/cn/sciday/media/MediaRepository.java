package cn.sciday.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(MediaFile f) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into media_file (storage_key, thumbnail_key, owner_organization_id, uploader_account_id,
                    purpose, visibility, kind, content_type, size_bytes, original_name, sha256, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.storageKey(), f.thumbnailKey(), f.ownerOrganizationId(), f.uploaderAccountId(),
                        f.purpose(), f.visibility().name(), f.kind().name(), f.contentType(), f.sizeBytes(),
                        f.originalName(), f.sha256(), f.createdAt().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<MediaFile> findById(long id) {
        return jdbc.sql("select * from media_file where id = ?").param(id).query(this::map).optional();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from media_file where id = ?").param(id).update() == 1;
    }

    long count() {
        return jdbc.sql("select count(*) from media_file").query(Long.class).single();
    }

    private MediaFile map(ResultSet rs, int row) throws SQLException {
        long uploaderId = rs.getLong("uploader_account_id");
        Long uploader = rs.wasNull() ? null : uploaderId;
        return new MediaFile(rs.getLong("id"), rs.getString("storage_key"), rs.getString("thumbnail_key"),
                rs.getLong("owner_organization_id"), uploader, rs.getString("purpose"),
                Visibility.valueOf(rs.getString("visibility")), FileKind.valueOf(rs.getString("kind")),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("original_name"),
                rs.getString("sha256"), rs.getTimestamp("created_at").toInstant());
    }
}
