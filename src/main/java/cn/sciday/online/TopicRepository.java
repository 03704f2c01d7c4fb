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
class TopicRepository {

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Topic t, long by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into topic (question, description, picture_media_id, opens_at, closes_at, moderation,
                    created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.question(), t.description(), t.pictureMediaId(), utc(t.opensAt()), utc(t.closesAt()),
                        t.moderation().name(), by, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(Topic t, Instant now) {
        jdbc.sql("""
                update topic set question = ?, description = ?, picture_media_id = ?, opens_at = ?, closes_at = ?,
                    moderation = ?, updated_at = ? where id = ?""")
                .params(t.question(), t.description(), t.pictureMediaId(), utc(t.opensAt()), utc(t.closesAt()),
                        t.moderation().name(), utc(now), t.id())
                .update();
    }

    Optional<Topic> find(long id) {
        return jdbc.sql("select * from topic where id = ?").param(id).query(this::topic).optional();
    }

    /** Newest first. */
    List<Topic> all() {
        return jdbc.sql("select * from topic order by opens_at desc, id desc").query(this::topic).list();
    }

    boolean anyWithQuestion(String question) {
        return jdbc.sql("select count(*) from topic where question = ?").param(question).query(Integer.class).single() > 0;
    }

    long insertComment(long topicId, long accountId, String authorName, String body, TopicCommentStatus status,
            String heldWords, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into topic_comment (topic_id, account_id, author_name, body, status, held_words, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(topicId, accountId, authorName, body, status.name(), heldWords, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<TopicComment> findComment(long id) {
        return jdbc.sql("select * from topic_comment where id = ?").param(id).query(this::comment).optional();
    }

    /** Moves a comment to a new status; {@code from} guards against two moderators acting at once. */
    boolean moderate(long id, TopicCommentStatus from, TopicCommentStatus to, String reason, long by, Instant now) {
        return jdbc.sql("""
                update topic_comment set status = ?, hidden_reason = ?, moderated_by = ?, moderated_at = ?
                    where id = ? and status = ?""")
                .params(to.name(), reason, by, utc(now), id, from.name()).update() == 1;
    }

    /** Shown comments, newest first. */
    List<TopicComment> visible(long topicId, int limit) {
        return jdbc.sql("""
                select * from topic_comment where topic_id = ? and status = 'VISIBLE'
                    order by created_at desc, id desc fetch first ? rows only""")
                .params(topicId, limit).query(this::comment).list();
    }

    int countVisible(long topicId) {
        return jdbc.sql("select count(*) from topic_comment where topic_id = ? and status = 'VISIBLE'")
                .param(topicId).query(Integer.class).single();
    }

    /** A person's comments that are not shown (waiting or hidden), so they see what became of them. */
    List<TopicComment> notShownOf(long topicId, long accountId) {
        return jdbc.sql("""
                select * from topic_comment where topic_id = ? and account_id = ? and status <> 'VISIBLE'
                    order by created_at desc, id desc""")
                .params(topicId, accountId).query(this::comment).list();
    }

    /** All comments of a topic for moderators: waiting ones first, then newest. */
    List<TopicComment> forModeration(long topicId, int limit) {
        return jdbc.sql("""
                select * from topic_comment where topic_id = ?
                    order by case status when 'PENDING' then 0 when 'VISIBLE' then 1 else 2 end, created_at desc, id desc
                    fetch first ? rows only""")
                .params(topicId, limit).query(this::comment).list();
    }

    int countPending(Long topicId) {
        return jdbc.sql("select count(*) from topic_comment where status = 'PENDING'"
                + " and (cast(? as bigint) is null or topic_id = ?)")
                .params(topicId, topicId).query(Integer.class).single();
    }

    private Topic topic(ResultSet rs, int i) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getString("question"), rs.getString("description"),
                nullableLong(rs, "picture_media_id"), instant(rs, "opens_at"), instant(rs, "closes_at"),
                TopicModeration.valueOf(rs.getString("moderation")), instant(rs, "created_at"));
    }

    private TopicComment comment(ResultSet rs, int i) throws SQLException {
        return new TopicComment(rs.getLong("id"), rs.getLong("topic_id"), rs.getLong("account_id"),
                rs.getString("author_name"), rs.getString("body"),
                TopicCommentStatus.valueOf(rs.getString("status")), rs.getString("held_words"),
                rs.getString("hidden_reason"), instant(rs, "created_at"));
    }
}
