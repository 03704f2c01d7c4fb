package cn.sciday.signup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;

/**
 * Deletes registrants' personal data (name, mobile and ID numbers) a configurable number of days after their
 * campaign ended (PIPL: keep it no longer than needed). Counts, check-ins and ratings stay for the statistics.
 */
@Service
public class PersonalDataPurge {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final Clock clock;
    private final int retentionDays;

    PersonalDataPurge(JdbcClient jdbc, CampaignManagement campaigns, Clock clock,
            @Value("${sciday.privacy.retention-days:90}") int retentionDays) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Purges every campaign whose retention has passed; returns the number of registrations purged. */
    @Transactional
    public int purgeDue() {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        int purged = 0;
        for (Campaign c : campaigns.all()) {
            if (today.isAfter(c.endsOn().plusDays(retentionDays))) {
                purged += purge(c);
            }
        }
        if (purged > 0) {
            log.info("Purged the personal data of {} registrations (retention {} days)", purged, retentionDays);
        }
        return purged;
    }

    private int purge(Campaign c) {
        var from = c.startsOn().atStartOfDay(ZONE).toOffsetDateTime();
        var to = c.endsOn().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        return jdbc.sql("""
                update registration set person_name = '（已清除）', mobile_cipher = null, mobile_hash = null,
                    id_cipher = null, id_hash = null, personal_data_purged_at = ?
                where personal_data_purged_at is null and activity_id in (
                    select activity_id from signup_slot where starts_at >= ? and starts_at < ?)""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), from, to).update();
    }

    /**
     * Daily at 03:30 Beijing time; running it twice changes nothing. One instance runs it (ShedLock); the lock is kept
     * at least five minutes so that an instance whose clock is a little behind does not run it again.
     */
    @Scheduled(cron = "${sciday.privacy.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "personal-data-purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public void scheduled() {
        purgeDue();
    }

    int retentionDays() {
        return retentionDays;
    }
}
