package cn.sciday.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.sciday.web.ConflictException;

/** The question bank in table {@code quiz_question}. */
@Repository
class QuestionRepository {

    private static final String COLUMNS = "id, question_type, stem, option_a, option_b, option_c, option_d, option_e, "
            + "option_f, correct_answer, explanation, theme_number, enabled, source, version, created_at, updated_at";

    private final JdbcClient jdbc;

    QuestionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(QuestionRules.Checked q, String source, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        List<String> o = slots(q.options());
        jdbc.sql("""
                insert into quiz_question (question_type, stem, option_a, option_b, option_c, option_d, option_e,
                    option_f, correct_answer, explanation, theme_number, enabled, source, version, created_at, updated_at)
                values (:type, :stem, :a, :b, :c, :d, :e, :f, :answer, :explanation, :theme, true, :source, 0, :now, :now)
                """)
                .param("type", q.type().name()).param("stem", q.stem())
                .param("a", o.get(0)).param("b", o.get(1)).param("c", o.get(2))
                .param("d", o.get(3)).param("e", o.get(4)).param("f", o.get(5))
                .param("answer", q.correctAnswer()).param("explanation", q.explanation())
                .param("theme", q.themeNumber()).param("source", source).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, int version, QuestionRules.Checked q, Instant now) {
        List<String> o = slots(q.options());
        int n = jdbc.sql("""
                update quiz_question set question_type = :type, stem = :stem, option_a = :a, option_b = :b,
                    option_c = :c, option_d = :d, option_e = :e, option_f = :f, correct_answer = :answer,
                    explanation = :explanation, theme_number = :theme, version = version + 1, updated_at = :now
                where id = :id and version = :version
                """)
                .param("type", q.type().name()).param("stem", q.stem())
                .param("a", o.get(0)).param("b", o.get(1)).param("c", o.get(2))
                .param("d", o.get(3)).param("e", o.get(4)).param("f", o.get(5))
                .param("answer", q.correctAnswer()).param("explanation", q.explanation())
                .param("theme", q.themeNumber()).param("now", Timestamp.from(now))
                .param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("online.error.questionChanged");
        }
    }

    void setEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("update quiz_question set enabled = :enabled, version = version + 1, updated_at = :now where id = :id")
                .param("enabled", enabled).param("now", Timestamp.from(now)).param("id", id).update();
    }

    Optional<QuizQuestion> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from quiz_question where id = :id").param("id", id)
                .query(QuestionRepository::map).optional();
    }

    List<QuizQuestion> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from quiz_question where id in (:ids)").param("ids", ids)
                .query(QuestionRepository::map).list();
    }

    /** The bank, newest first, filtered by type, theme and words of the stem (any may be null). */
    List<QuizQuestion> search(QuestionType type, Integer theme, String text, Boolean enabled) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from quiz_question where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (type != null) {
            sql.append(" and question_type = :type");
            params.put("type", type.name());
        }
        if (theme != null) {
            sql.append(" and theme_number = :theme");
            params.put("theme", theme);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and stem like :text");
            params.put("text", "%" + text.strip().replace("%", "").replace("_", "") + "%");
        }
        if (enabled != null) {
            sql.append(" and enabled = :enabled");
            params.put("enabled", enabled);
        }
        sql.append(" order by id desc");
        return jdbc.sql(sql.toString()).params(params).query(QuestionRepository::map).list();
    }

    /** The ids of the enabled questions of a type: the pool an attempt draws from. */
    List<Long> enabledIds(QuestionType type) {
        return jdbc.sql("select id from quiz_question where enabled = true and question_type = :type")
                .param("type", type.name()).query(Long.class).list();
    }

    Map<QuestionType, Integer> enabledCounts() {
        Map<QuestionType, Integer> counts = new java.util.EnumMap<>(QuestionType.class);
        for (QuestionType t : QuestionType.values()) {
            counts.put(t, 0);
        }
        jdbc.sql("select question_type, count(*) as n from quiz_question where enabled = true group by question_type")
                .query((rs, i) -> counts.put(QuestionType.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    /** The id of a question with exactly this stem, to refuse duplicates. */
    Optional<Long> findIdByStem(String stem) {
        return jdbc.sql("select min(id) from quiz_question where stem = :stem").param("stem", stem)
                .query(Long.class).optional();
    }

    int timesDrawn(long questionId) {
        return jdbc.sql("select count(*) from quiz_attempt_question where question_id = :id").param("id", questionId)
                .query(Integer.class).single();
    }

    private static List<String> slots(List<String> options) {
        List<String> slots = new ArrayList<>(options);
        while (slots.size() < QuestionDraft.OPTION_SLOTS) {
            slots.add(null);
        }
        return slots;
    }

    private static QuizQuestion map(ResultSet rs, int row) throws SQLException {
        List<String> options = new ArrayList<>();
        for (String c : List.of("option_a", "option_b", "option_c", "option_d", "option_e", "option_f")) {
            String o = rs.getString(c);
            if (o != null) {
                options.add(o);
            }
        }
        QuestionType type = QuestionType.valueOf(rs.getString("question_type"));
        if (type == QuestionType.TRUE_FALSE) {
            options = List.of(QuestionType.TRUE, QuestionType.FALSE);
        }
        return new QuizQuestion(rs.getLong("id"), type, rs.getString("stem"), List.copyOf(options),
                rs.getString("correct_answer"), rs.getString("explanation"), rs.getInt("theme_number"),
                rs.getBoolean("enabled"), rs.getString("source"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
