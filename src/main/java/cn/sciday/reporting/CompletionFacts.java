package cn.sciday.reporting;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What reporting needs to know about activity completion (photos, news links, actual participants) and unit
 * summaries, owned by the activity module. Reporting uses the bean of this type if one exists and
 * {@link #NONE} otherwise: wire the real one with a small adapter in this package over the activity module's
 * completion facade.
 */
public interface CompletionFacts {

    /** Nothing known: every count zero, no activity completed, no summary submitted; {@link #available()} false. */
    CompletionFacts NONE = new CompletionFacts() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Map<Long, ActivityCompletion> activities(Collection<Long> activityIds) {
            return Map.of();
        }

        @Override
        public Optional<Instant> summarySubmittedAt(long organizationId, SummaryKind kind) {
            return Optional.empty();
        }
    };

    /** Whether real completion data stands behind this (pages then say that completion data is not wired yet). */
    boolean available();

    /** The completion of these activities; an activity that is missing has nothing recorded. */
    Map<Long, ActivityCompletion> activities(Collection<Long> activityIds);

    /** When the organization submitted its summary of this kind, if it did. */
    Optional<Instant> summarySubmittedAt(long organizationId, SummaryKind kind);

    /** The completion of one activity; {@code actualParticipants} null when not recorded. */
    record ActivityCompletion(int photos, int newsLinks, Integer actualParticipants, Instant completedAt,
            Long firstPhotoFileId) {

        public static final ActivityCompletion EMPTY = new ActivityCompletion(0, 0, null, null, null);
    }

    /** 阶段性总结 (10-22) and 全面总结 (12-10). */
    enum SummaryKind {
        STAGE, FULL
    }
}
