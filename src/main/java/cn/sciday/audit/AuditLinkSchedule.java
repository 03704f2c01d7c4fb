package cn.sciday.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Links audit entries that no committing transaction linked (it found another one linking, or the instance stopped
 * between commit and linking). One instance at a time runs it (ShedLock); the chain head would keep two from linking
 * side by side anyway.
 */
@Component
@ConditionalOnProperty(name = "sciday.audit.link-enabled", havingValue = "true", matchIfMissing = true)
class AuditLinkSchedule {

    private final AuditTrail trail;

    AuditLinkSchedule(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(fixedDelayString = "${sciday.audit.link-delay:PT1S}", initialDelayString = "${sciday.audit.link-delay:PT1S}")
    @SchedulerLock(name = "audit-link", lockAtMostFor = "PT1M")
    void link() {
        trail.linkWaiting();
    }
}
