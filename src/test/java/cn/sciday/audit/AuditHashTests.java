package cn.sciday.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditHashTests {

    static final Instant AT = Instant.parse("2021-09-15T01:00:00.123456Z");

    @Test
    void serializationIsLengthPrefixedAndNamesNullApart() {
        String text = new String(AuditHash.canonical(3, AT, 42L, "张三", null, "LOGIN", "ACCOUNT", "42", "", "ab"),
                StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("sciday-audit-v1|1:3|16:1631667600123456|2:42|6:张三|~|5:LOGIN|7:ACCOUNT|2:42|0:|2:ab");
    }

    @Test
    void valuesThatLookAlikeWhenJoinedHashApart() {
        String split = hash("a|b", "c");
        String moved = hash("a", "b|c");
        String nullAddress = hash("a", null);
        String emptyAddress = hash("a", "");
        assertThat(split).isNotEqualTo(moved);
        assertThat(nullAddress).isNotEqualTo(emptyAddress);
        assertThat(hash("a", "b")).isEqualTo(hash("a", "b")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void everyFieldCountsAndTimeCountsToTheMicrosecond() {
        String base = AuditHash.of(1, AT, 1L, "n", "ip", "A", "T", "1", "d", AuditHash.GENESIS);
        assertThat(AuditHash.of(2, AT, 1L, "n", "ip", "A", "T", "1", "d", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, AT.plusNanos(1000), 1L, "n", "ip", "A", "T", "1", "d", AuditHash.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditHash.of(1, AT, null, "n", "ip", "A", "T", "1", "d", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, AT, 1L, "n", "ip", "A", "T", "1", "d.", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, AT, 1L, "n", "ip", "A", "T", "1", "d", "1".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void draftsAreCutToTheirColumnsWithoutSplittingACharacter() {
        assertThat(AuditDraft.clip("abc", 3)).isEqualTo("abc");
        assertThat(AuditDraft.clip("abcd", 3)).isEqualTo("ab…");
        assertThat(AuditDraft.clip("a\uD83D\uDD2Cbc", 3)).isEqualTo("a…");
        assertThat(AuditDraft.clip("a\u0000b", 10)).isEqualTo("a\uFFFDb");
        assertThat(AuditDraft.clip("a\uD83Db", 10)).isEqualTo("a\uFFFDb");
        AuditDraft d = AuditDraft.of(AT.plusNanos(999), null, "  ", "", "", null, "", "x");
        assertThat(d.actorName()).isEqualTo(AuditTrail.SYSTEM);
        assertThat(d.address()).isNull();
        assertThat(d.action()).isEqualTo("UNSPECIFIED");
        assertThat(d.targetId()).isNull();
        assertThat(d.at()).isEqualTo(AT);
    }

    private static String hash(String actorName, String address) {
        return AuditHash.of(1, AT, null, actorName, address, "A", "T", null, null, AuditHash.GENESIS);
    }
}
