package cn.sciday.reporting;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline reminders every {@code sciday.reporting.reminder-delay} (default one hour); each reminder goes
 * out once however often and on however many instances this runs. {@code sciday.reporting.reminders-enabled=false}
 * switches it off (tests call {@link DeadlineReminders#remindDue()} themselves).
 */
@Component
@ConditionalOnProperty(name = "sciday.reporting.reminders-enabled", havingValue = "true", matchIfMissing = true)
class DeadlineReminderSchedule {

    private final DeadlineReminders reminders;

    DeadlineReminderSchedule(DeadlineReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${sciday.reporting.reminder-delay:PT1H}",
            initialDelayString = "${sciday.reporting.reminder-initial-delay:PT2M}")
    @SchedulerLock(name = "deadline-reminders", lockAtMostFor = "PT30M")
    public void run() {
        reminders.remindDue();
    }
}
