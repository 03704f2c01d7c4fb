package cn.sciday.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain under concurrent appends and linkings, on a database of its own (H2 or PostgreSQL, see the
 * subclasses): entries are written unlinked with their change and linked afterwards by whichever linker holds the
 * chain head; with the head lock the chain stays one valid line; without it (the negative controls) two linkers that
 * read the same head fork the chain, which the verifier finds, or, with the unique sequence, one of them is refused.
 */
abstract class AuditChainConcurrencyContract {

    static final int THREADS = 8;

    AuditTestDatabase db;
    ExecutorService pool;

    abstract AuditTestDatabase open() throws Exception;

    @BeforeEach
    void openDatabase() throws Exception {
        db = open();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        pool.shutdownNow();
        db.close();
    }

    @Test
    void concurrentAppendsFromEightThreadsLeaveOneValidChain() throws Exception {
        List<Throwable> failures = appendConcurrently(25);

        assertThat(failures).isEmpty();
        db.trail.linkWaiting();
        assertThat(db.repo.unlinkedCount()).isZero();
        AuditChainVerifier.Result result = db.verifier.verify();
        assertThat(result.ok()).as(result.line()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(THREADS * 25);
        assertThat(db.count()).isEqualTo(THREADS * 25);
        assertThat(db.repo.head(false).seq()).isEqualTo(THREADS * 25);
    }

    @Test
    void negativeControlWithoutTheLockConcurrentAppendsForkTheChain() throws Exception {
        db.dropSequenceConstraint();
        db.repo.lockHeadForTestsOnly(false);
        int tries = 0;
        AuditChainVerifier.Result result;
        do {
            tries++;
            appendConcurrently(10);
            db.trail.linkWaiting();
            result = db.verifier.verify();
        } while (result.ok() && tries < 10);

        assertThat(result.ok()).as("without the lock, %d tries of %d threads never forked the chain", tries, THREADS)
                .isFalse();
        assertThat(result.problem()).isNotNull();
    }

    @Test
    void negativeControlTwoTransactionsThatReadTheSameHeadForkTheChain() throws Exception {
        db.dropSequenceConstraint();
        List<AuditEntry> waiting = stageCommitted("A", "B");
        try (AuditTestDatabase.Session a = db.session(); AuditTestDatabase.Session b = db.session()) {
            AuditRepository.Head headA = a.repo().head(false);
            AuditRepository.Head headB = b.repo().head(false);
            a.repo().linkAfter(headA, List.of(waiting.get(0)));
            a.commit();
            b.repo().linkAfter(headB, List.of(waiting.get(1)));
            b.commit();
        }
        long idOfB = waiting.get(1).id();

        AuditChainVerifier.Result result = db.verifier.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenEntryId()).isEqualTo(idOfB);
        assertThat(result.problem()).isEqualTo(AuditChainVerifier.Problem.FORKED);
        assertThat(result.line()).startsWith("Audit chain BROKEN at entry " + idOfB + ": ");
    }

    @Test
    void withoutTheLockTheUniqueSequenceRefusesTheSecondOfTwoTransactionsOnTheSameHead() throws Exception {
        List<AuditEntry> waiting = stageCommitted("A", "B");
        try (AuditTestDatabase.Session a = db.session(); AuditTestDatabase.Session b = db.session()) {
            AuditRepository.Head headA = a.repo().head(false);
            AuditRepository.Head headB = b.repo().head(false);
            a.repo().linkAfter(headA, List.of(waiting.get(0)));
            a.commit();
            assertThatThrownBy(() -> b.repo().linkAfter(headB, List.of(waiting.get(1))))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(db.repo.unlinked(10)).extracting(AuditEntry::detail).as("B still waits").containsExactly("B");
        AuditChainVerifier.Result result = db.verifier.verify();
        assertThat(result.ok()).as(result.line()).isTrue();
        assertThat(result.entriesChecked()).as("verification linked B after A first").isEqualTo(2);
    }

    @Test
    void withTheLockASecondLinkerWaitsAndThenLinksAfterTheFirst() throws Exception {
        List<AuditEntry> waiting = stageCommitted("A", "B");
        try (AuditTestDatabase.Session a = db.session(); AuditTestDatabase.Session b = db.session()) {
            AuditRepository.Head headA = a.repo().head(true);
            Future<AuditRepository.Head> headB = pool.submit(() -> b.repo().head(true));
            assertThatThrownBy(() -> headB.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            AuditRepository.Head afterA = a.repo().linkAfter(headA, List.of(waiting.get(0)));
            a.commit();
            assertThat(headB.get(20, TimeUnit.SECONDS)).isEqualTo(afterA);
            b.repo().linkAfter(headB.get(), List.of(waiting.get(1)));
            b.commit();
        }
        AuditChainVerifier.Result result = db.verifier.verify();
        assertThat(result.ok()).as(result.line()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(2);
    }

    @Test
    void anEntryIsWrittenUnlinkedWithItsChangeAndLinkedAfterTheCommit() throws Exception {
        db.tx.executeWithoutResult(s -> {
            db.trail.record(3L, "某人", null, "CHANGED", "TEST", "1", "甲");
            assertThat(db.count()).as("nothing is written before the commit").isZero();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.repo.unlinkedCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(db.repo.unlinkedCount()).as("linked by the linker thread after the commit").isZero();
        assertThat(db.repo.head(false).seq()).isEqualTo(1);

        db.tx.executeWithoutResult(s -> {
            db.trail.record(3L, "某人", null, "CHANGED", "TEST", "2", "乙");
            s.setRollbackOnly();
        });
        assertThat(db.count()).as("rolled back with its change").isEqualTo(1);
    }

    @Test
    void longAndOddTextIsCutToFitAndNeverFailsTheAppend() {
        String emoji = "\uD83D\uDD2C";
        String detail = "x".repeat(AuditDraft.DETAIL - 2) + emoji + "tail\u0000" + "y".repeat(5000);
        db.tx.executeWithoutResult(s -> db.trail.record(7L, "名".repeat(300) + "\u0000", "203.0.113.9",
                "LONG_DETAIL", "T".repeat(50), "9".repeat(100), detail));
        db.trail.linkWaiting();

        AuditEntry e = db.repo.chain(0, Long.MAX_VALUE, 10).get(0);
        assertThat(e.detail()).hasSize(AuditDraft.DETAIL - 1).endsWith("x…").doesNotContain("\uD83D");
        assertThat(e.actorName()).hasSize(AuditDraft.ACTOR_NAME).endsWith("…");
        assertThat(e.targetType()).hasSize(AuditDraft.TARGET_TYPE);
        assertThat(e.targetId()).hasSize(AuditDraft.TARGET_ID);
        assertThat(db.verifier.verify().ok()).isTrue();
    }

    @Test
    void anEntryRecordedDuringAReadOnlyTransactionIsWrittenInATransactionOfItsOwn() {
        TransactionTemplate readOnly = new TransactionTemplate(db.tx.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(s -> db.trail.record(1L, "查看者", null, "PHONE_VIEWED", "REGISTRATION", "5",
                "查看完整手机号"));

        assertThat(db.count()).isEqualTo(1);
        assertThat(db.verifier.verify().ok()).isTrue();
    }

    private List<Throwable> appendConcurrently(int perThread) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    try {
                        db.tx.executeWithoutResult(s -> db.trail.record(null, "线程" + thread, null, "CONCURRENT",
                                "TEST", thread + "-" + n, "append " + n + " of thread " + thread));
                        // every thread links too, as the linker threads of eight app instances would
                        db.trail.linkWaiting();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        return failures;
    }

    @Test
    void entriesLeftWaitingAreLinkedByTheSchedule() {
        stageCommitted("A", "B");
        new AuditLinkSchedule(db.trail).link();
        assertThat(db.repo.unlinkedCount()).isZero();
        assertThat(db.verifier.verify().entriesChecked()).isEqualTo(2);
    }

    /** Entries written and committed, not yet linked, in the order given. */
    private List<AuditEntry> stageCommitted(String... details) {
        for (String d : details) {
            db.tx.executeWithoutResult(s -> db.repo.stage(List.of(draft(d))));
        }
        List<AuditEntry> waiting = db.repo.unlinked(10);
        assertThat(waiting).extracting(AuditEntry::detail).containsExactly(details);
        return waiting;
    }

    private static AuditDraft draft(String detail) {
        return AuditDraft.of(Instant.parse("2021-09-15T01:00:00Z"), null, "手工", null, "INTERLEAVED", "TEST", detail,
                detail);
    }
}
