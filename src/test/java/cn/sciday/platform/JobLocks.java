package cn.sciday.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/** Runs the same job on several "instances" (lock providers) at the same moment and counts how many ran it. */
final class JobLocks {

    private JobLocks() {
    }

    /** Each provider runs a one-second job named {@code names[i]} at the same moment; returns how many ran. */
    static int runTogether(List<LockProvider> providers, List<String> names) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(providers.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < providers.size(); i++) {
                DefaultLockingTaskExecutor executor = new DefaultLockingTaskExecutor(providers.get(i));
                String name = names.get(i);
                done.add(pool.submit(() -> {
                    start.await();
                    executor.executeWithLock((Runnable) () -> {
                        runs.incrementAndGet();
                        sleep(1000);
                    }, new LockConfiguration(Instant.now(), name, Duration.ofSeconds(30), Duration.ZERO));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return runs.get();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
