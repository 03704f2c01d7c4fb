package cn.sciday.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;


/** An SMS sender for the dispatcher race: records what it sends and can be slowed down to widen races. */
class SlowSmsSender implements SmsSender {

    record Sent(String mobile, String text) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile long delayMillis;

    @Override
    public void send(String mobile, String text) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("SMS gateway answered 503");
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sent.add(new Sent(mobile, text));
    }

    void reset() {
        sent.clear();
        failNext.set(0);
        delayMillis = 0;
    }
}
