package cn.sciday.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.sciday.campaign.Campaign;
import cn.sciday.media.FileKind;

/** Stores notices and their attachments (JdbcClient); updates check an optimistic version. */
@Repository
class NoticeRepository {

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NoticeView> find(long id) {
        return withAttachments(jdbc.sql("select * from notice where id = ?").param(id).query(this::row).list())
                .stream().findFirst();
    }

    /** Published notices, newest issue first. */
    List<NoticeView> published() {
        return withAttachments(jdbc.sql("""
                select * from notice where status = 'PUBLISHED' order by issued_on desc, published_at desc, id desc""")
                .query(this::row).list());
    }

    /** Every notice, newest change first (the admin list). */
    List<NoticeView> all() {
        return withAttachments(jdbc.sql("select * from notice order by updated_at desc, id desc").query(this::row)
                .list());
    }

    boolean existsTitled(String title) {
        return jdbc.sql("select count(*) from notice where title = ?").param(title).query(Long.class).single() > 0;
    }

    long insert(NoticeForm f, long createdBy, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notice (title, document_number, issuer, issued_on, summary, body, link_url, link_text,
                    status, created_by, created_at, updated_at, version)
                values (:title, :number, :issuer, :issuedOn, :summary, :body, :linkUrl, :linkText, 'DRAFT',
                    :createdBy, :at, :at, 0)""")
                .params(values(f)).param("createdBy", createdBy).param("at", ts(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** False when the version no longer matches (someone saved in between). */
    boolean update(long id, NoticeForm f, int version, Instant at) {
        return jdbc.sql("""
                update notice set title = :title, document_number = :number, issuer = :issuer, issued_on = :issuedOn,
                    summary = :summary, body = :body, link_url = :linkUrl, link_text = :linkText, updated_at = :at,
                    version = version + 1
                where id = :id and version = :version""")
                .params(values(f)).param("at", ts(at)).param("id", id).param("version", version)
                .update() == 1;
    }

    /** Moves the notice from one of {@code from} to {@code to}; false when it was in another state. */
    boolean transition(long id, List<NoticeStatus> from, NoticeStatus to, Instant at) {
        boolean publish = to == NoticeStatus.PUBLISHED;
        return jdbc.sql("update notice set status = :to, updated_at = :at, version = version + 1"
                + (publish ? ", published_at = :at, first_published_at = coalesce(first_published_at, :at)" : "")
                + " where id = :id and status in (:from)")
                .param("to", to.name()).param("at", ts(at)).param("id", id)
                .param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    void touch(long id, Instant at) {
        jdbc.sql("update notice set updated_at = ?, version = version + 1 where id = ?").params(ts(at), id).update();
    }

    long insertAttachment(long noticeId, long mediaId, String label, AttachmentKind kind, String fileName,
            FileKind fileKind, long size) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from notice_attachment where notice_id = ?")
                .param(noticeId).query(Integer.class).single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notice_attachment (notice_id, media_id, label, kind, file_name, file_kind, file_size,
                    position)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(noticeId, mediaId, label, kind.name(), fileName, fileKind.name(), size, position)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void deleteAttachment(long attachmentId) {
        jdbc.sql("delete from notice_attachment where id = ?").param(attachmentId).update();
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private static Map<String, Object> values(NoticeForm f) {
        Map<String, Object> v = new HashMap<>();
        v.put("title", f.title());
        v.put("number", f.documentNumber());
        v.put("issuer", f.issuer());
        v.put("issuedOn", f.issuedOn());
        v.put("summary", f.summary());
        v.put("body", f.body());
        v.put("linkUrl", f.linkUrl());
        v.put("linkText", f.linkText());
        return v;
    }

    private NoticeView row(ResultSet rs, int i) throws SQLException {
        return new NoticeView(rs.getLong("id"), rs.getString("title"), rs.getString("document_number"),
                rs.getString("issuer"), rs.getObject("issued_on", java.time.LocalDate.class), rs.getString("summary"),
                rs.getString("body"), rs.getString("link_url"), rs.getString("link_text"),
                NoticeStatus.valueOf(rs.getString("status")), beijing(rs.getTimestamp("published_at")),
                beijing(rs.getTimestamp("updated_at")), rs.getInt("version"), List.of());
    }

    private List<NoticeView> withAttachments(List<NoticeView> notices) {
        if (notices.isEmpty()) {
            return notices;
        }
        Map<Long, List<NoticeView.Attachment>> byNotice = new HashMap<>();
        jdbc.sql("select * from notice_attachment where notice_id in (:ids) order by notice_id, position, id")
                .param("ids", notices.stream().map(NoticeView::id).toList())
                .query(rs -> {
                    byNotice.computeIfAbsent(rs.getLong("notice_id"), k -> new ArrayList<>())
                            .add(new NoticeView.Attachment(rs.getLong("id"), rs.getLong("media_id"),
                                    rs.getString("label"), AttachmentKind.valueOf(rs.getString("kind")),
                                    rs.getString("file_name"), FileKind.valueOf(rs.getString("file_kind")),
                                    rs.getLong("file_size")));
                });
        return notices.stream().map(n -> new NoticeView(n.id(), n.title(), n.documentNumber(), n.issuer(),
                n.issuedOn(), n.summary(), n.body(), n.linkUrl(), n.linkText(), n.status(), n.publishedAt(),
                n.updatedAt(), n.version(), byNotice.getOrDefault(n.id(), List.of()))).toList();
    }

    private static OffsetDateTime beijing(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(Campaign.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
