package cn.sciday.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/** Feedback only from people who actually attended (checked in), once, after the activity ended. */
@Service
public class Feedbacks {

    /** Published when staff hide a comment, for the audit trail. */
    public record CommentHidden(long feedbackId, long activityId, long byAccountId, String reason) {
    }

    private final JdbcClient jdbc;
    private final RegistrationRepository registrations;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Feedbacks(JdbcClient jdbc, RegistrationRepository registrations, Organizations organizations,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Feedback give(Actor actor, long activityId, int rating, String comment) {
        RegistrationRepository.Row row = registrations.findByPerson(activityId, actor.accountId())
                .orElseThrow(() -> new ConflictException("signup.error.feedbackOnlyAttendees"));
        if (row.checkedInAt() == null) {
            throw new ConflictException("signup.error.feedbackOnlyAttendees");
        }
        RegistrationRepository.Slot slot = registrations.slot(activityId, false).orElseThrow();
        if (clock.instant().isBefore(slot.endsAt())) {
            throw new ConflictException("signup.error.feedbackBeforeEnd");
        }
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "signup.error.ratingRange");
        }
        String text = comment == null ? null : comment.strip();
        if (text != null && text.length() > 500) {
            throw new InvalidInputException("comment", "signup.error.commentTooLong");
        }
        try {
            jdbc.sql("""
                    insert into feedback (registration_id, activity_id, account_id, rating, comment_text, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(row.id(), activityId, actor.accountId(), rating, text == null || text.isEmpty() ? null : text,
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("signup.error.feedbackTwice");
        }
        return mine(actor, activityId);
    }

    @Transactional(readOnly = true)
    public Feedback mine(Actor actor, long activityId) {
        return jdbc.sql(SELECT + " where f.activity_id = ? and f.account_id = ?").params(activityId, actor.accountId())
                .query(this::map).optional().orElseThrow(() -> new NotFoundException("feedback"));
    }

    @Transactional(readOnly = true)
    public boolean hasGiven(Actor actor, long activityId) {
        return jdbc.sql("select count(*) from feedback where activity_id = ? and account_id = ?")
                .params(activityId, actor.accountId()).query(Integer.class).single() > 0;
    }

    /** Comments the public sees: hidden ones are left out. */
    @Transactional(readOnly = true)
    public List<Feedback> visible(long activityId) {
        return jdbc.sql(SELECT + " where f.activity_id = ? and f.hidden_at is null order by f.created_at desc")
                .param(activityId).query(this::map).list();
    }

    /** All comments, for the activity's staff. */
    @Transactional(readOnly = true)
    public List<Feedback> all(Actor actor, long activityId) {
        requireStaff(actor, activityId);
        return jdbc.sql(SELECT + " where f.activity_id = ? order by f.created_at desc").param(activityId)
                .query(this::map).list();
    }

    @Transactional
    public void hide(Actor actor, long feedbackId, String reason) {
        long activityId = jdbc.sql("select activity_id from feedback where id = ?").param(feedbackId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("feedback"));
        requireStaff(actor, activityId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "signup.error.hideReasonRequired");
        }
        if (reason.strip().length() > 200) {
            throw new InvalidInputException("reason", "signup.error.hideReasonTooLong");
        }
        int n = jdbc.sql("""
                update feedback set hidden_at = ?, hidden_by = ?, hidden_reason = ? where id = ? and hidden_at is null""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), actor.accountId(), reason.strip(), feedbackId)
                .update();
        if (n == 0) {
            throw new ConflictException("signup.error.alreadyHidden");
        }
        events.publishEvent(new CommentHidden(feedbackId, activityId, actor.accountId(), reason.strip()));
    }

    @Transactional(readOnly = true)
    public FeedbackSummary summary(long activityId) {
        return jdbc.sql("select count(*), coalesce(avg(cast(rating as double precision)), 0) from feedback where activity_id = ?")
                .param(activityId).query((rs, n) -> new FeedbackSummary(activityId, rs.getInt(1), rs.getDouble(2)))
                .single();
    }

    private void requireStaff(Actor actor, long activityId) {
        RegistrationRepository.Slot slot = registrations.slot(activityId, false)
                .orElseThrow(() -> new NotFoundException("activity"));
        if (actor.isPublic() || !organizations.canSee(actor, slot.organizationId())) {
            throw new NotFoundException("activity");
        }
    }

    private static final String SELECT = """
            select f.id, f.activity_id, f.rating, f.comment_text, r.person_name, f.created_at, f.hidden_at,
                   f.hidden_reason
            from feedback f join registration r on r.id = f.registration_id""";

    private Feedback map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp hidden = rs.getTimestamp(7);
        String name = rs.getString(5);
        String shown = name == null || name.isEmpty() ? "参加者" : name.charAt(0) + "**";
        return new Feedback(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), shown,
                rs.getTimestamp(6).toInstant(), hidden != null, rs.getString(8));
    }

    Instant now() {
        return clock.instant();
    }
}
