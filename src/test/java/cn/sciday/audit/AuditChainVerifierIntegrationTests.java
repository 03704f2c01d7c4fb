package cn.sciday.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.sciday.IntegrationTest;

/**
 * The verifier on the shared database: it passes on the intact chain and names the first broken entry after a
 * row is changed or deleted behind the application's back. Every test puts the row back, so the chain is intact
 * again for the other tests.
 */
@IntegrationTest
class AuditChainVerifierIntegrationTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passesOnTheIntactChain() {
        threeEntries();
        AuditChainVerifier.Result result = verifier.verify();
        assertThat(result.ok()).as(result.line()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(count()).isPositive();
        assertThat(result.firstBrokenEntryId()).isNull();
        assertThat(result.line()).isEqualTo("Audit chain OK: " + count() + " entries");
    }

    @Test
    void namesTheEntryWhoseDetailWasChanged() {
        List<AuditEntry> three = threeEntries();
        AuditEntry middle = three.get(1);
        jdbc.sql("update audit_entry set detail = ? where id = ?").params("改过的内容", middle.id()).update();
        try {
            AuditChainVerifier.Result result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenEntryId()).isEqualTo(middle.id());
            assertThat(result.problem()).isEqualTo(AuditChainVerifier.Problem.HASH_MISMATCH);
            assertThat(result.entriesChecked()).isEqualTo(middle.seq() - 1);
            assertThat(result.line())
                    .startsWith("Audit chain BROKEN at entry " + middle.id() + ": hash does not match its content");
        } finally {
            jdbc.sql("update audit_entry set detail = ? where id = ?").params(middle.detail(), middle.id()).update();
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void aRecomputedHashDoesNotHideTheChange() {
        List<AuditEntry> three = threeEntries();
        AuditEntry middle = three.get(1);
        String forged = AuditHash.of(middle.seq(), middle.at(), middle.actorId(), middle.actorName(),
                middle.address(), middle.action(), middle.targetType(), middle.targetId(), "伪造", middle.prevHash());
        jdbc.sql("update audit_entry set detail = '伪造', hash = ? where id = ?").params(forged, middle.id()).update();
        try {
            AuditChainVerifier.Result result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenEntryId()).isEqualTo(three.get(2).id());
            assertThat(result.problem()).isEqualTo(AuditChainVerifier.Problem.LINK_BROKEN);
        } finally {
            jdbc.sql("update audit_entry set detail = ?, hash = ? where id = ?")
                    .params(middle.detail(), middle.hash(), middle.id()).update();
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void namesTheEntryAfterADeletedMiddleRow() {
        List<AuditEntry> three = threeEntries();
        AuditEntry middle = three.get(1);
        Map<String, Object> row = jdbc.sql("select * from audit_entry where id = ?").param(middle.id()).query()
                .singleRow();
        jdbc.sql("delete from audit_entry where id = ?").param(middle.id()).update();
        try {
            AuditChainVerifier.Result result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenEntryId()).isEqualTo(three.get(2).id());
            assertThat(result.problem()).isEqualTo(AuditChainVerifier.Problem.ENTRIES_MISSING);
            assertThat(result.line()).startsWith("Audit chain BROKEN at entry " + three.get(2).id() + ": ");
        } finally {
            putBack(row);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void findsTheNewestRowDeleted() {
        AuditEntry newest = threeEntries().get(2);
        Map<String, Object> row = jdbc.sql("select * from audit_entry where id = ?").param(newest.id()).query()
                .singleRow();
        jdbc.sql("delete from audit_entry where id = ?").param(newest.id()).update();
        try {
            AuditChainVerifier.Result result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.problem()).isEqualTo(AuditChainVerifier.Problem.TAIL_MISSING);
            assertThat(result.line()).startsWith("Audit chain BROKEN: the newest entries are missing");
        } finally {
            putBack(row);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void commandPrintsOneLineAndExitsWithZeroOrOne() {
        List<AuditEntry> three = threeEntries();
        List<Integer> codes = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditVerifyCommand command = new AuditVerifyCommand(verifier, new PrintStream(out, true,
                StandardCharsets.UTF_8), codes::add);

        command.run(new DefaultApplicationArguments("--other"));
        assertThat(codes).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        command.run(new DefaultApplicationArguments("--sciday.audit.verify"));
        assertThat(codes).containsExactly(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Audit chain OK: " + count() + " entries"
                + System.lineSeparator());

        AuditEntry middle = three.get(1);
        jdbc.sql("update audit_entry set detail = 'x' where id = ?").param(middle.id()).update();
        try {
            out.reset();
            command.run(new DefaultApplicationArguments("--sciday.audit.verify"));
            assertThat(codes).containsExactly(0, 1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith("Audit chain BROKEN at entry " + middle.id() + ": hash does not match its content");
        } finally {
            jdbc.sql("update audit_entry set detail = ? where id = ?").params(middle.detail(), middle.id()).update();
        }
    }

    private List<AuditEntry> threeEntries() {
        String id = UUID.randomUUID().toString();
        for (int i = 1; i <= 3; i++) {
            trail.record(null, "校验测试", "127.0.0.1", "VERIFY_TEST", "TEST", id, "第" + i + "条");
        }
        trail.linkWaiting();
        List<AuditEntry> entries = new ArrayList<>(
                trail.search(new AuditFilter(null, "VERIFY_TEST", "TEST", id, null, null), 1).items());
        assertThat(entries).hasSize(3);
        Collections.reverse(entries);
        return entries;
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    private void putBack(Map<String, Object> row) {
        jdbc.sql("""
                insert into audit_entry (id, seq, at, actor_id, actor_name, address, action, target_type, target_id,
                    detail, prev_hash, hash)
                values (:id, :seq, :at, :actor_id, :actor_name, :address, :action, :target_type, :target_id,
                    :detail, :prev_hash, :hash)""")
                .params(lowerCase(row)).update();
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> m = new HashMap<>();
        row.forEach((k, v) -> m.put(k.toLowerCase(), v));
        return m;
    }
}
