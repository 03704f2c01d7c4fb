package cn.sciday.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 (lower-case hex) over a canonical serialization of its fields. The
 * serialization is {@code sciday-audit-v1} followed by each field in order (seq, at in epoch microseconds, actor_id,
 * actor_name, address, action, target_type, target_id, detail, prev_hash), each written as {@code ~} for null or as
 * {@code <UTF-8 byte length>:<UTF-8 bytes>}, fields separated by {@code |}. The length prefix makes it unambiguous:
 * no choice of values can make two different entries serialize alike.
 */
final class AuditHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] VERSION = "sciday-audit-v1".getBytes(StandardCharsets.UTF_8);

    private AuditHash() {
    }

    static String of(long seq, Instant at, Long actorId, String actorName, String address, String action,
            String targetType, String targetId, String detail, String prevHash) {
        return sha256(canonical(seq, at, actorId, actorName, address, action, targetType, targetId, detail,
                prevHash));
    }

    static byte[] canonical(long seq, Instant at, Long actorId, String actorName, String address, String action,
            String targetType, String targetId, String detail, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(VERSION);
        field(out, Long.toString(seq));
        field(out, Long.toString(micros(at)));
        field(out, actorId == null ? null : Long.toString(actorId));
        field(out, actorName);
        field(out, address);
        field(out, action);
        field(out, targetType);
        field(out, targetId);
        field(out, detail);
        field(out, prevHash);
        return out.toByteArray();
    }

    /** Time is stored and hashed at microsecond precision, which both H2 and PostgreSQL keep exactly. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        out.write('|');
        if (value == null) {
            out.write('~');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
