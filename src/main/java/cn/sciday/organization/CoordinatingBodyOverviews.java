package cn.sciday.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the divisions and departments with their aliases and unit counts in one query (city admin pages). */
@Repository
class CoordinatingBodyOverviews {

    private static final String SELECT = """
            select o.id, o.kind, o.name, o.full_name, o.aliases,
                coalesce(sum(case when u.status = 'APPROVED' then 1 else 0 end), 0) as approved,
                coalesce(sum(case when u.status = 'PENDING' then 1 else 0 end), 0) as pending,
                coalesce(sum(case when u.status = 'REJECTED' then 1 else 0 end), 0) as rejected
            from organization o
            left join organization u on u.parent_id = o.id and u.kind = 'UNIT'
            where o.kind in ('DIVISION', 'DEPARTMENT') %s
            group by o.id, o.kind, o.name, o.full_name, o.aliases
            order by case o.kind when 'DIVISION' then 0 else 1 end, o.id""";

    private final JdbcClient jdbc;

    CoordinatingBodyOverviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<CoordinatingBodyOverview> all() {
        return jdbc.sql(SELECT.formatted("")).query((rs, n) -> map(rs)).list();
    }

    /** A division or department (never the city or a unit). */
    @Transactional(readOnly = true)
    Optional<CoordinatingBodyOverview> find(long id) {
        return jdbc.sql(SELECT.formatted("and o.id = ?")).param(id).query((rs, n) -> map(rs)).optional();
    }

    static List<String> splitAliases(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、;；\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static CoordinatingBodyOverview map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CoordinatingBodyOverview(rs.getLong("id"), OrganizationKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("full_name"), splitAliases(rs.getString("aliases")),
                rs.getInt("approved"), rs.getInt("pending"), rs.getInt("rejected"));
    }
}
