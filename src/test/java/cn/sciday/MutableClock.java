package cn.sciday;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A clock that tests set and move by hand. */
public final class MutableClock extends Clock {

    public static final Instant DEMO_START = OffsetDateTime.parse("2021-09-15T09:00:00+08:00").toInstant();

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void set(String isoOffsetDateTime) {
        this.now = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    public void advance(Duration d) {
        this.now = now.plus(d);
    }

    public void reset() {
        this.now = DEMO_START;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        MutableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return z;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
