package cn.sciday.activity;

import java.time.OffsetDateTime;

/**
 * One step of an activity's history: action (CREATE, SUBMIT, RESUBMIT, ENDORSE, RETURN, APPROVE, WITHDRAW,
 * CANCEL), states before and after, who, when (Beijing time) and the comment or reason.
 */
public record ActivityTransitionView(String action, ActivityStatus from, ActivityStatus to, long actorId,
        String actorName, String actorRole, OffsetDateTime at, String remark) {
}
