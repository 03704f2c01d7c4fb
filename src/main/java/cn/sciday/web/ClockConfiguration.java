package cn.sciday.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every use of time goes through: the demo clock in demo mode, the system clock otherwise. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** All campaign times are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock(DemoMode demo) {
        Clock system = Clock.system(ZONE);
        if (!demo.isOn()) {
            return system;
        }
        Duration offset = Duration.between(Instant.now(), demo.clockStart().toInstant());
        return Clock.offset(system, offset);
    }
}
