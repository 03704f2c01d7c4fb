package cn.sciday;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.sciday.notification.SmsSender;

/** Keeps every text message instead of sending it, so that tests can read verification codes. */
public class RecordingSmsSender implements SmsSender {

    /** One message as sent. */
    public record Sms(String mobile, String text) {
    }

    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    /** The next N sends fail as if the gateway answered 503. */
    public final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void send(String mobile, String text) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("SMS gateway answered 503");
        }
        sent.add(new Sms(mobile, text));
    }

    public List<Sms> sent() {
        return List.copyOf(sent);
    }

    public List<Sms> to(String mobile) {
        return sent.stream().filter(s -> s.mobile().equals(mobile)).toList();
    }

    /** The last 6-digit code sent to a mobile number. */
    public Optional<String> lastCode(String mobile) {
        List<Sms> mine = to(mobile);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(\\d{6})").matcher(mine.get(mine.size() - 1).text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public void clear() {
        sent.clear();
        failNext.set(0);
    }
}
