package cn.sciday.audit;

import java.io.Serializable;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Checks the audit hash chain from its first entry to the chain head: every entry must have the next sequence
 * number, link to the hash of the entry before it, and carry the hash of its own content; the last one must be
 * the head. A changed, deleted or inserted row breaks one of these.
 */
@Service
public class AuditChainVerifier {

    /** What is wrong with a broken chain. */
    public enum Problem {
        /** An entry's content was changed after it was written. */
        HASH_MISMATCH,
        /** An entry does not link to the hash of the entry before it (it was replaced, or the chain forked). */
        LINK_BROKEN,
        /** Another entry already has this entry's sequence number: two appends read the same head. */
        FORKED,
        /** Entries before this one are missing (deleted). */
        ENTRIES_MISSING,
        /** The newest entries are missing: the chain head names a later entry than the last one found. */
        TAIL_MISSING,
        /** The chain head does not match the newest entry. */
        HEAD_MISMATCH
    }

    /**
     * The outcome: {@code ok}, how many entries were checked, and for a broken chain the id of the first broken
     * entry (null when the break is after the last entry) and why.
     */
    public record Result(boolean ok, long entriesChecked, Long firstBrokenEntryId, String reason, Problem problem)
            implements Serializable {

        static Result intact(long checked) {
            return new Result(true, checked, null, null, null);
        }

        static Result broken(long checked, Long entryId, Problem problem, String reason) {
            return new Result(false, checked, entryId, reason, problem);
        }

        /** One line for people and scripts: {@code Audit chain OK: 1234 entries} or where and why it is broken. */
        public String line() {
            if (ok) {
                return "Audit chain OK: " + entriesChecked + (entriesChecked == 1 ? " entry" : " entries");
            }
            return "Audit chain BROKEN" + (firstBrokenEntryId == null ? "" : " at entry " + firstBrokenEntryId)
                    + ": " + reason + " (" + entriesChecked + " entries before it are intact)";
        }
    }

    private static final int CHUNK = 1000;

    private final AuditRepository repo;
    private final AuditTrail trail;

    AuditChainVerifier(AuditRepository repo, AuditTrail trail) {
        this.repo = repo;
        this.trail = trail;
    }

    /**
     * Links the committed entries that wait for it (see {@link AuditTrail}), then verifies the chain up to the head
     * as it is then; entries appended meanwhile are left for the next run. Reads in chunks, so the chain may be long.
     */
    public Result verify() {
        trail.linkWaiting();
        AuditRepository.Head head = repo.head(false);
        long expected = 1;
        String previous = AuditHash.GENESIS;
        Long lastId = null;
        long checked = 0;
        while (true) {
            List<AuditEntry> chunk = repo.chain(expected - 1, head.seq(), CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (AuditEntry e : chunk) {
                if (e.seq() < expected) {
                    return Result.broken(checked, e.id(), Problem.FORKED, "another entry already has sequence "
                            + e.seq() + ": the chain forked");
                }
                if (e.seq() != expected) {
                    return Result.broken(checked, e.id(), Problem.ENTRIES_MISSING, "entries with sequence " + expected
                            + (e.seq() - 1 > expected ? " to " + (e.seq() - 1) : "") + " before it are missing");
                }
                if (!previous.equals(e.prevHash())) {
                    return Result.broken(checked, e.id(), Problem.LINK_BROKEN,
                            "it does not link to the entry before it (prev_hash differs)");
                }
                if (!e.computedHash().equals(e.hash())) {
                    return Result.broken(checked, e.id(), Problem.HASH_MISMATCH, "hash does not match its content");
                }
                previous = e.hash();
                lastId = e.id();
                expected++;
                checked++;
            }
        }
        if (checked != head.seq()) {
            return Result.broken(checked, null, Problem.TAIL_MISSING, "the newest entries are missing: the chain head "
                    + "is at sequence " + head.seq() + ", the last entry found is " + checked);
        }
        if (!previous.equals(head.hash())) {
            return Result.broken(Math.max(0, checked - 1), lastId, Problem.HEAD_MISMATCH,
                    "the chain head does not match the newest entry");
        }
        return Result.intact(checked);
    }
}
