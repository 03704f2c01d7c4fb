package cn.sciday.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.sciday.campaign.Campaign;

/**
 * The public portal's queries over published activities. Plain SQL that runs on H2 and PostgreSQL; the indexes of
 * V90 serve the campaign/status/start-time range and the theme and audience look-ups. Free text is a LIKE over
 * name, summary and description (no index can serve a substring search; the portal caches the results).
 */
@Repository
class PublicSearchRepository {

    /** At most this many ids are returned by {@link #ids}: far above one city's season (about 10,000). */
    static final int MAX_IDS = 20_000;

    /** One published activity's period, for calendars. */
    record Period(long id, Instant startsAt, Instant endsAt) {
    }

    private final JdbcClient jdbc;

    PublicSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of a page of matches, in the search's order. */
    List<Long> ids(long campaignId, PublicSearch s, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select a.id from activity a" + where(campaignId, s, params) + order(s)
                + " limit :limit offset :offset";
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    long count(long campaignId, PublicSearch s) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from activity a" + where(campaignId, s, params)).params(params)
                .query(Long.class).single();
    }

    PublicStatistics statistics(long campaignId) {
        Map<Long, Long> byDivision = new HashMap<>();
        long[] withoutDivision = {0};
        jdbc.sql("""
                select a.division_id, count(*) as n from activity a
                where a.campaign_id = :campaign and a.status = 'PUBLISHED' group by a.division_id""")
                .param("campaign", campaignId)
                .query(rs -> {
                    long division = rs.getLong("division_id");
                    if (rs.wasNull()) {
                        withoutDivision[0] = rs.getLong("n");
                    } else {
                        byDivision.put(division, rs.getLong("n"));
                    }
                });
        long[] totals = jdbc.sql("""
                select count(*), count(distinct a.organization_id) from activity a
                where a.campaign_id = :campaign and a.status = 'PUBLISHED'""")
                .param("campaign", campaignId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new PublicStatistics(totals[0], totals[1], byDivision.size(), byDivision, withoutDivision[0]);
    }

    /** Published activities running at some time between the two instants. */
    List<Period> periods(long campaignId, Instant from, Instant until) {
        return jdbc.sql("""
                select a.id, a.starts_at, a.ends_at from activity a
                where a.campaign_id = :campaign and a.status = 'PUBLISHED'
                  and a.starts_at < :until and a.ends_at > :from""")
                .param("campaign", campaignId).param("from", ts(from)).param("until", ts(until))
                .query((rs, i) -> new Period(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
                .list();
    }

    private static String where(long campaignId, PublicSearch s, Map<String, Object> params) {
        List<String> c = new ArrayList<>();
        c.add("a.campaign_id = :campaign");
        params.put("campaign", campaignId);
        c.add("a.status = 'PUBLISHED'");
        if (s.from() != null) {
            c.add("a.ends_at > :from");
            params.put("from", ts(startOf(s.from())));
        }
        if (s.to() != null) {
            c.add("a.starts_at < :to");
            params.put("to", ts(startOf(s.to().plusDays(1))));
        }
        if (s.divisionId() != null) {
            c.add("a.division_id = :division");
            params.put("division", s.divisionId());
        }
        if (s.jointAction() != null) {
            if (s.jointAction() == 0) {
                c.add("a.joint_action is null");
            } else {
                c.add("a.joint_action = :jointAction");
                params.put("jointAction", s.jointAction());
            }
        }
        if (s.format() != null) {
            c.add("a.activity_format in (:formats)");
            params.put("formats", switch (s.format()) {
                case OFFLINE -> List.of("OFFLINE", "BOTH");
                case ONLINE -> List.of("ONLINE", "BOTH");
                case BOTH -> List.of("BOTH");
            });
        }
        if (s.theme() != null) {
            c.add("exists (select 1 from activity_theme t where t.activity_id = a.id and t.theme_number = :theme)");
            params.put("theme", s.theme());
        }
        if (s.audience() != null) {
            c.add("exists (select 1 from activity_audience u where u.activity_id = a.id and u.audience = :audience)");
            params.put("audience", s.audience().name());
        }
        List<String> words = s.words();
        for (int i = 0; i < words.size(); i++) {
            String p = "w" + i;
            c.add("(lower(a.name) like :" + p + " escape '!' or lower(a.summary) like :" + p
                    + " escape '!' or lower(a.description) like :" + p + " escape '!')");
            params.put(p, "%" + escapeLike(words.get(i)) + "%");
        }
        return " where " + String.join(" and ", c);
    }

    private static String order(PublicSearch s) {
        return switch (s.sort()) {
            case START -> " order by a.starts_at, a.id";
            case NEWEST -> " order by a.published_at desc, a.id desc";
        };
    }

    /** Escapes LIKE's wildcards with '!' so that a visitor's "50%" is searched as written. */
    static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Campaign.ZONE).toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
