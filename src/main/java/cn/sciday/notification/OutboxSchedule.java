package cn.sciday.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code sciday.notification.dispatch-delay} (default 5 s) after the previous run ended.
 * {@code sciday.notification.dispatch-enabled=false} switches it off (tests call {@link OutboxDispatcher#dispatchDue}
 * themselves).
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
    void dispatch() {
        dispatcher.dispatchDue();
    }
}
