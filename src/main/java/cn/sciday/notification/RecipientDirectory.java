package cn.sciday.notification;

import java.util.List;
import java.util.Optional;

/** Implemented by the account module: who an account is and which accounts act for an organization. */
public interface RecipientDirectory {

    Optional<Recipient> find(long accountId);

    /** The enabled staff accounts acting for an organization (a unit's organizers, a division's coordinators…). */
    List<Long> accountsOf(long organizationId);
}
