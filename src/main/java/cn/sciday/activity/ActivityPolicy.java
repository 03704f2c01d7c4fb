package cn.sciday.activity;

import cn.sciday.web.Actor;

/**
 * Who may attempt which action on an activity they can see (scoping is checked before, and answers 404).
 * The proposing organization edits, submits and withdraws; the unit's 归口 endorses and returns; the city approves
 * and returns anything in review; the proposer, its 归口 and the city may cancel a published activity.
 */
final class ActivityPolicy {

    private ActivityPolicy() {
    }

    /** Staff acting for an organization may propose activities for it; an organizer only once the unit is approved. */
    static boolean mayPropose(Actor actor) {
        return actor.isStaff() && actor.organizationId() != null && (!actor.isOrganizer() || actor.unitApproved());
    }

    static boolean isProposer(Actor actor, long organizationId) {
        return mayPropose(actor) && actor.organizationId() == organizationId;
    }

    static boolean mayAttempt(Actor actor, ActivityAction action, long organizationId, ReviewLevel level) {
        boolean unitsCoordinator = actor.isCoordinator() && level == ReviewLevel.COORDINATOR
                && actor.organizationId() != null && actor.organizationId() != organizationId;
        return switch (action) {
            case EDIT, SUBMIT, WITHDRAW -> isProposer(actor, organizationId);
            case ENDORSE -> unitsCoordinator;
            case RETURN -> unitsCoordinator || actor.isCityAdmin();
            case APPROVE -> actor.isCityAdmin();
            case CANCEL -> isProposer(actor, organizationId) || actor.isCityAdmin() || actor.isCoordinator();
        };
    }
}
