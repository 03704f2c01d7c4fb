package cn.sciday.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.sciday.web.ConflictException;

@Repository
class OrganizationRepository {

    private static final String SELECT = "select o.*, p.name as parent_name from organization o "
            + "left join organization p on p.id = o.parent_id ";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organization> findById(long id) {
        return jdbc.sql(SELECT + "where o.id = ?").param(id).query(this::map).optional();
    }

    List<Organization> findByKind(OrganizationKind kind) {
        return jdbc.sql(SELECT + "where o.kind = ? order by o.id").param(kind.name())
                .query(this::map).list();
    }

    List<Organization> findUnits(Long parentId, OrganizationStatus status) {
        StringBuilder sql = new StringBuilder(SELECT + "where o.kind = 'UNIT'");
        var params = new java.util.ArrayList<Object>();
        if (parentId != null) {
            sql.append(" and o.parent_id = ?");
            params.add(parentId);
        }
        if (status != null) {
            sql.append(" and o.status = ?");
            params.add(status.name());
        }
        sql.append(" order by case o.status when 'PENDING' then 0 when 'REJECTED' then 1 else 2 end, o.id desc");
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    List<Organization> findAll() {
        return jdbc.sql(SELECT + "order by o.id").query(this::map).list();
    }

    boolean creditCodeTaken(String code) {
        return jdbc.sql("select count(*) from organization where credit_code = ?").param(code)
                .query(Integer.class).single() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    long insert(Organization o) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into organization (kind, name, full_name, aliases, parent_id, unit_type, credit_code,
                    contact_name, contact_phone, address, status, rejection_reason, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(o.kind.name(), o.name, o.fullName, o.aliases, o.parentId,
                        o.unitType == null ? null : o.unitType.name(), o.creditCode, o.contactName, o.contactPhone,
                        o.address, o.status.name(), o.rejectionReason, ts(o.createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(Organization o) {
        int n = jdbc.sql("""
                update organization set name = ?, full_name = ?, aliases = ?, contact_name = ?, contact_phone = ?,
                    address = ?, status = ?, rejection_reason = ?, reviewed_by = ?, reviewed_at = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(o.name, o.fullName, o.aliases, o.contactName, o.contactPhone, o.address, o.status.name(),
                        o.rejectionReason, o.reviewedBy, ts(o.reviewedAt), o.id, o.version)
                .update();
        if (n != 1) {
            throw new ConflictException("organization.error.changedMeanwhile");
        }
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private Organization map(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("unit_type");
        long parent = rs.getLong("parent_id");
        Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
        long reviewer = rs.getLong("reviewed_by");
        return new Organization(rs.getLong("id"), OrganizationKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("full_name"), rs.getString("aliases"),
                parent == 0 ? null : parent,
                type == null ? null : UnitType.valueOf(type), rs.getString("credit_code"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("address"),
                OrganizationStatus.valueOf(rs.getString("status")), rs.getString("rejection_reason"),
                reviewer == 0 ? null : reviewer, reviewedAt == null ? null : reviewedAt.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"), rs.getString("parent_name"));
    }
}
