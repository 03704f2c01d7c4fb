package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoModeTests {

    @Test
    void autoMeansOnForH2AndOffForPostgres() {
        assertThat(new DemoMode(env("auto", "jdbc:h2:file:./data/sciday")).isOn()).isTrue();
        assertThat(new DemoMode(env("auto", "jdbc:postgresql://db/sciday")).isOn()).isFalse();
        assertThat(new DemoMode(env("on", "jdbc:postgresql://db/sciday")).isOn()).isTrue();
        assertThat(new DemoMode(env("off", "jdbc:h2:mem:x")).isOn()).isFalse();
        assertThatThrownBy(() -> new DemoMode(env("maybe", "jdbc:h2:mem:x"))).hasMessageContaining("auto, on or off");
    }

    @Test
    void theDemoClockStartsInsideTheCampaignAndTicks() throws InterruptedException {
        Clock clock = new ClockConfiguration().clock(new DemoMode(env("on", "jdbc:h2:mem:x")));
        Instant start = OffsetDateTime.parse("2021-09-15T09:00:00+08:00").toInstant();
        Instant first = clock.instant();
        assertThat(Duration.between(start, first).abs()).isLessThan(Duration.ofSeconds(5));
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(first);
        assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void whereTheDemoClockStartsIsASetting() {
        MockEnvironment env = env("on", "jdbc:h2:mem:x").withProperty("sciday.demo.clock-start",
                "2021-10-20T14:30:00+08:00");
        Clock clock = new ClockConfiguration().clock(new DemoMode(env));
        Instant start = OffsetDateTime.parse("2021-10-20T14:30:00+08:00").toInstant();
        assertThat(Duration.between(start, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        // outside demo mode the setting does not move the clock
        Clock off = new ClockConfiguration().clock(new DemoMode(env("off", "jdbc:h2:mem:x")
                .withProperty("sciday.demo.clock-start", "2021-10-20T14:30:00+08:00")));
        assertThat(Duration.between(Instant.now(), off.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void outsideDemoModeTheClockIsTheSystemClock() {
        Clock clock = new ClockConfiguration().clock(new DemoMode(env("off", "jdbc:postgresql://x/y")));
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    private static MockEnvironment env(String mode, String url) {
        return new MockEnvironment().withProperty("sciday.demo.mode", mode).withProperty("spring.datasource.url", url);
    }
}
