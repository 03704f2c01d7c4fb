package cn.sciday.audit;

import java.time.Instant;

/**
 * One stored audit entry: who did what to which record, when and from where, and its place in the hash chain
 * ({@code seq}, {@code prevHash} and {@code hash} are null for the moment between its commit and its linking).
 */
public record AuditEntry(long id, Long seq, Instant at, Long actorId, String actorName, String address, String action,
        String targetType, String targetId, String detail, String prevHash, String hash) {

    /** The hash this entry should have, computed from its content. */
    String computedHash() {
        return AuditHash.of(seq, at, actorId, actorName, address, action, targetType, targetId, detail, prevHash);
    }
}
