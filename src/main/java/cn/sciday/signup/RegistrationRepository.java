package cn.sciday.signup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for slots and registrations. Seat counts change only while the slot row is locked. */
@Repository
class RegistrationRepository {

    /** A slot row as read under lock. */
    record Slot(long activityId, long organizationId, String activityName, int capacity, int confirmed,
            int waitlisted, boolean realNameRequired, boolean open, Instant startsAt, Instant endsAt) {
    }

    /** A registration row. */
    record Row(long id, long activityId, long accountId, RegistrationStatus status, String personName,
            String mobileCipher, String idCipher, String code, Instant createdAt, Instant checkedInAt) {
    }

    private final JdbcClient jdbc;

    RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Slot> slot(long activityId, boolean lock) {
        return jdbc.sql("select * from signup_slot where activity_id = ?" + (lock ? " for update" : ""))
                .param(activityId).query(this::slot).optional();
    }

    /** Every slot open for sign-up whose activity has not ended at {@code now} (one row per activity, no lock). */
    List<Slot> openSlots(java.time.Instant now) {
        return jdbc.sql("select * from signup_slot where open_for_signup = true and ends_at > ?")
                .param(now.atOffset(java.time.ZoneOffset.UTC)).query(this::slot).list();
    }

    void insertSlot(Slot s) {
        jdbc.sql("""
                insert into signup_slot (activity_id, organization_id, activity_name, capacity, confirmed, waitlisted,
                    real_name_required, open_for_signup, starts_at, ends_at, version)
                values (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 0)""")
                .params(s.activityId(), s.organizationId(), s.activityName(), s.capacity(), s.realNameRequired(),
                        s.open(), s.startsAt().atOffset(ZoneOffset.UTC), s.endsAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    void updateSlotTerms(Slot s) {
        jdbc.sql("""
                update signup_slot set activity_name = ?, capacity = ?, real_name_required = ?, open_for_signup = ?,
                    starts_at = ?, ends_at = ?, version = version + 1 where activity_id = ?""")
                .params(s.activityName(), s.capacity(), s.realNameRequired(), s.open(),
                        s.startsAt().atOffset(ZoneOffset.UTC), s.endsAt().atOffset(ZoneOffset.UTC), s.activityId())
                .update();
    }

    void updateCounts(long activityId, int confirmed, int waitlisted) {
        jdbc.sql("update signup_slot set confirmed = ?, waitlisted = ?, version = version + 1 where activity_id = ?")
                .params(confirmed, waitlisted, activityId).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from registration where id = ?").param(id).query(this::row).optional();
    }

    Optional<Row> findByPerson(long activityId, long accountId) {
        return jdbc.sql("select * from registration where activity_id = ? and account_id = ?")
                .params(activityId, accountId).query(this::row).optional();
    }

    Optional<Row> findByCode(String code) {
        return jdbc.sql("select * from registration where ticket_code = ?").param(code).query(this::row).optional();
    }

    Optional<Row> firstWaiting(long activityId) {
        return jdbc.sql("""
                select * from registration where activity_id = ? and status = 'WAITLISTED'
                order by created_at, id fetch first 1 rows only""").param(activityId).query(this::row).optional();
    }

    int waitlistPosition(Row r) {
        return jdbc.sql("""
                select count(*) from registration where activity_id = ? and status = 'WAITLISTED'
                  and (created_at < ? or (created_at = ? and id <= ?))""")
                .params(r.activityId(), ts(r.createdAt()), ts(r.createdAt()), r.id()).query(Integer.class).single();
    }

    List<Row> ofAccount(long accountId) {
        return jdbc.sql("select * from registration where account_id = ? order by created_at desc, id desc")
                .param(accountId).query(this::row).list();
    }

    List<Row> ofActivity(long activityId) {
        return jdbc.sql("""
                select * from registration where activity_id = ?
                order by case status when 'CONFIRMED' then 0 when 'WAITLISTED' then 1 else 2 end, created_at, id""")
                .param(activityId).query(this::row).list();
    }

    /**
     * Writes a registration unless one would break a unique constraint (the person's for this activity, or the ticket
     * code): then nothing is written and the answer is empty. No error, so the transaction goes on.
     */
    java.util.OptionalLong insertIfNew(long activityId, long accountId, RegistrationStatus status, String name,
            String mobileCipher, String mobileHash, String idCipher, String idHash, String code, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("""
                insert into registration (activity_id, account_id, status, person_name, mobile_cipher, mobile_hash,
                    id_cipher, id_hash, ticket_code, created_at, confirmed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(activityId, accountId, status.name(), name, mobileCipher, mobileHash, idCipher, idHash, code,
                        ts(now), status == RegistrationStatus.CONFIRMED ? ts(now) : null)
                .update(keys, "id");
        return rows == 1 ? java.util.OptionalLong.of(keys.getKeyAs(Number.class).longValue())
                : java.util.OptionalLong.empty();
    }

    /** Brings a cancelled registration back; false when it is not cancelled (any more). */
    boolean reactivate(long id, RegistrationStatus status, String name, String mobileCipher, String mobileHash,
            String idCipher, String idHash, Instant now) {
        return jdbc.sql("""
                update registration set status = ?, person_name = ?, mobile_cipher = ?, mobile_hash = ?, id_cipher = ?,
                    id_hash = ?, created_at = ?, confirmed_at = ?, cancelled_at = null, checked_in_at = null
                where id = ? and status = 'CANCELLED'""")
                .params(status.name(), name, mobileCipher, mobileHash, idCipher, idHash, ts(now),
                        status == RegistrationStatus.CONFIRMED ? ts(now) : null, id)
                .update() == 1;
    }

    /** Puts a registration written as confirmed on the waitlist: no seat was left for it. */
    void toWaitlist(long id) {
        jdbc.sql("update registration set status = 'WAITLISTED', confirmed_at = null where id = ?").param(id).update();
    }

    /** What taking a seat came to. */
    enum Seat { TAKEN, WAITLISTED, CLOSED }

    /**
     * Takes a seat if one is free, else a place on the waitlist, counting it in the slot row in one statement: the
     * row stays locked until the transaction ends, so no two transactions can take the last seat.
     */
    Seat takeSeat(long activityId) {
        if (jdbc.sql("""
                update signup_slot set confirmed = confirmed + 1
                where activity_id = ? and open_for_signup and confirmed < capacity""").param(activityId).update() == 1) {
            return Seat.TAKEN;
        }
        return jdbc.sql("update signup_slot set waitlisted = waitlisted + 1 where activity_id = ? and open_for_signup")
                .param(activityId).update() == 1 ? Seat.WAITLISTED : Seat.CLOSED;
    }

    void setStatus(long id, RegistrationStatus status, Instant now) {
        String column = status == RegistrationStatus.CANCELLED ? "cancelled_at" : "confirmed_at";
        jdbc.sql("update registration set status = ?, " + column + " = ? where id = ?")
                .params(status.name(), ts(now), id).update();
    }

    /** Marks the check-in once; false when the ticket was already checked in. */
    boolean checkIn(long id, long by, Instant now) {
        return jdbc.sql("""
                update registration set checked_in_at = ?, checked_in_by = ?
                where id = ? and checked_in_at is null and status = 'CONFIRMED'""")
                .params(ts(now), by, id).update() == 1;
    }

    int checkedInCount(long activityId) {
        return jdbc.sql("select count(*) from registration where activity_id = ? and checked_in_at is not null")
                .param(activityId).query(Integer.class).single();
    }

    private static java.time.OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant inst(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Slot slot(ResultSet rs, int n) throws SQLException {
        return new Slot(rs.getLong("activity_id"), rs.getLong("organization_id"), rs.getString("activity_name"),
                rs.getInt("capacity"), rs.getInt("confirmed"), rs.getInt("waitlisted"),
                rs.getBoolean("real_name_required"), rs.getBoolean("open_for_signup"),
                inst(rs.getTimestamp("starts_at")), inst(rs.getTimestamp("ends_at")));
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("account_id"),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getString("person_name"),
                rs.getString("mobile_cipher"), rs.getString("id_cipher"), rs.getString("ticket_code"),
                inst(rs.getTimestamp("created_at")), inst(rs.getTimestamp("checked_in_at")));
    }
}
