package cn.sciday.web;

import java.time.OffsetDateTime;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the app runs as a demo: a clock that starts inside the 2021 campaign and demo accounts and data.
 * {@code sciday.demo.mode} is {@code auto} (on for the embedded H2 database only), {@code on} or {@code off}.
 */
@Component
public class DemoMode {

    private final boolean on;
    private final OffsetDateTime clockStart;

    public DemoMode(Environment env) {
        String mode = env.getProperty("sciday.demo.mode", "auto").trim().toLowerCase();
        String url = env.getProperty("spring.datasource.url", "jdbc:h2:");
        this.on = switch (mode) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            case "auto" -> url.startsWith("jdbc:h2:");
            default -> throw new IllegalStateException(
                    "sciday.demo.mode must be auto, on or off, not '" + mode + "'");
        };
        this.clockStart = OffsetDateTime.parse(env.getProperty("sciday.demo.clock-start", "2021-09-15T09:00:00+08:00"));
    }

    public boolean isOn() {
        return on;
    }

    public OffsetDateTime clockStart() {
        return clockStart;
    }
}
