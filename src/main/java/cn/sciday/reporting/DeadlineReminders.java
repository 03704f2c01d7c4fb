package cn.sciday.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.Milestone;
import cn.sciday.campaign.MilestoneKind;
import cn.sciday.notification.Notifications;
import cn.sciday.web.Actor;
import cn.sciday.web.ForbiddenException;

/**
 * Reminders about deadlines. {@link #remindDue()} (run by a schedule) tells each unit that has not met a milestone
 * 3 days and 1 day before its due day, once: the reminder is claimed by inserting its {@code reminder_sent} row
 * (campaign, milestone, unit, days before) in the same transaction as the inbox message, so that a second app
 * instance running the same job at the same time finds the row and sends nothing. {@link #remindLate} is the
 * coordinator's or city's "remind all late units" action.
 */
@Component
class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    static final int[] DAYS_BEFORE = {3, 1};

    private final Compliance compliance;
    private final ReportContext context;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate eachInItsOwn;
    private final Clock clock;
    private volatile boolean claimGuard = true;

    DeadlineReminders(Compliance compliance, ReportContext context, Notifications notifications,
            DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.compliance = compliance;
        this.context = context;
        this.notifications = notifications;
        this.jdbc = new JdbcTemplate(dataSource);
        this.eachInItsOwn = new TransactionTemplate(transactions);
        this.eachInItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Tests only: without the claim every run sends again (the negative control of the "once" guarantee). */
    void switchOffClaimForTest() {
        claimGuard = false;
    }

    /**
     * Sends the reminders due today: for every milestone whose due day is 3 (or 2) days away, the 3-day reminder;
     * 1 day away or the due day itself, the 1-day reminder; to each unit that has not met it and was not reminded
     * for it yet. Returns how many units were reminded by this call.
     */
    int remindDue() {
        java.util.Optional<Campaign> current = context.currentCampaign();
        if (current.isEmpty()) {
            return 0;
        }
        Campaign campaign = current.get();
        LocalDate today = LocalDate.now(clock.withZone(Campaign.ZONE));
        int sent = 0;
        for (Milestone m : campaign.milestones()) {
            long left = ChronoUnit.DAYS.between(today, m.dueOn());
            Integer days = left == 3 || left == 2 ? Integer.valueOf(3) : left == 1 || left == 0 ? Integer.valueOf(1)
                    : null;
            if (days == null) {
                continue;
            }
            Compliance.MilestoneStatus status = compliance.cityWide(m.kind());
            if (!status.known()) {
                continue;
            }
            for (Compliance.UnitStatus u : status.missing()) {
                if (sendOnce(campaign, m, u.unitId(), days)) {
                    sent++;
                }
            }
        }
        if (sent > 0) {
            log.info("Sent {} deadline reminders", sent);
        }
        return sent;
    }

    private boolean sendOnce(Campaign campaign, Milestone m, long unitId, int daysBefore) {
        try {
            Boolean done = eachInItsOwn.execute(tx -> {
                if (claimGuard) {
                    jdbc.update("insert into reminder_sent (campaign_id, milestone, organization_id, days_before,"
                            + " sent_at) values (?, ?, ?, ?, ?)", campaign.id(), m.kind().name(), unitId, daysBefore,
                            ReportQueries.at(clock.instant()));
                }
                notifications.notifyOrganization(unitId, "提醒：" + m.title() + "将于" + DAY.format(m.dueOn()) + "截止",
                        "“" + m.title() + "”的截止日期是" + DAY.format(m.dueOn()) + "（还有" + daysBefore
                                + "天），贵单位尚未完成。" + m.description(), link(m.kind()));
                return true;
            });
            return Boolean.TRUE.equals(done);
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /**
     * Reminds every unit in the actor's scope that has missed the milestone (due day passed, not met); returns how
     * many units were told. Coordinators and the city only.
     */
    int remindLate(Actor actor, MilestoneKind kind) {
        if (!actor.isCityAdmin() && !actor.isCoordinator()) {
            throw new ForbiddenException("reporting.error.chaseForbidden");
        }
        Compliance.MilestoneStatus status = compliance.of(actor, kind);
        List<Compliance.UnitStatus> late = status.missing().stream().filter(Compliance.UnitStatus::overdue).toList();
        Boolean ignored = eachInItsOwn.execute(tx -> {
            for (Compliance.UnitStatus u : late) {
                notifications.notifyOrganization(u.unitId(), "催办：" + status.title() + "已逾期" + u.daysLate() + "天",
                        "“" + status.title() + "”已于" + DAY.format(status.dueOn()) + "截止，贵单位尚未完成，已逾期"
                                + u.daysLate() + "天。请尽快办理。（" + actor.displayName() + "）", link(kind));
            }
            return true;
        });
        return late.size();
    }

    private static String link(MilestoneKind kind) {
        return switch (kind) {
            case NATIONAL_FILING -> "/filing";
            default -> "/my/activities";
        };
    }
}
