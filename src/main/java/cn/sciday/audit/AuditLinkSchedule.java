package cn.sciday.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Links audit entries that no committing transaction linked (it found another one linking, or the instance stopped
 * between commit and linking). Every instance runs it; the chain head lets one link at a time and the others skip.
 */
@Component
@ConditionalOnProperty(name = "sciday.audit.link-enabled", havingValue = "true", matchIfMissing = true)
class AuditLinkSchedule {

    private final AuditTrail trail;

    AuditLinkSchedule(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(fixedDelayString = "${sciday.audit.link-delay:PT1S}", initialDelayString = "${sciday.audit.link-delay:PT1S}")
    void link() {
        trail.linkWaiting();
    }
}
