package cn.sciday.activity;

import java.util.Collection;
import java.util.Set;

/**
 * A scoped search as the repository runs it. {@code organizationIds} null means every organization (the city);
 * {@code queue} narrows to what waits for a reviewer.
 */
record ActivityQuery(Long campaignId, Collection<Long> organizationIds, Set<ActivityStatus> statuses, Queue queue,
        Long divisionId, Integer jointAction, boolean lateOnly, int offset, int limit) {

    /** Review queues: a 归口's (submitted unit activities) or the city's (endorsed, and submitted at city level). */
    enum Queue {
        NONE, COORDINATOR, CITY
    }

    ActivityQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        queue = queue == null ? Queue.NONE : queue;
    }
}
