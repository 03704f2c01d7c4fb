package cn.sciday.platform;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A cache for the tests of several instances, cleared by a test event. */
@TestConfiguration(proxyBeanMethods = false)
class TestCaches {

    static final String NAME = "test.pages";

    /** A domain event that clears {@link #NAME}. */
    record PageChanged(long id) {
    }

    @Bean
    CacheSpec testPagesCache() {
        return CacheSpec.of(NAME, Duration.ofMinutes(10), 100).clearedOn(PageChanged.class);
    }
}
