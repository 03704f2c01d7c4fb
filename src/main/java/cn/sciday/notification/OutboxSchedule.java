package cn.sciday.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs the dispatcher every {@code sciday.notification.dispatch-delay} (default 5 s) after the previous run ended.
 * {@code sciday.notification.dispatch-enabled=false} switches it off (tests call {@link OutboxDispatcher#dispatchDue}
 * themselves). With several instances one of them runs it at a time (ShedLock): the dispatcher's conditional-update
 * claims already keep two runs from sending a message twice; the lock only saves the wasted work. A run that dies
 * holds the lock for at most two minutes.
 */
@Component
@ConditionalOnProperty(name = "sciday.notification.dispatch-enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxDispatcher dispatcher;

    OutboxSchedule(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${sciday.notification.dispatch-delay:PT5S}",
            initialDelayString = "${sciday.notification.dispatch-delay:PT5S}")
    @SchedulerLock(name = "outbox-dispatch", lockAtMostFor = "PT2M")
    void dispatch() {
        dispatcher.dispatchDue();
    }
}
