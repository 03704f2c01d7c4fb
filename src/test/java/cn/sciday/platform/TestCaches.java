package cn.sciday.platform;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Caches for the tests of several instances, cleared by test events. */
@TestConfiguration(proxyBeanMethods = false)
class TestCaches {

    static final String NAME = "test.pages";
    /** Cleared by {@link ScoreChanged}; its clearing travels to the other instances at most every half second. */
    static final String BOARD = "test.board";
    static final Duration BOARD_BROADCAST_EVERY = Duration.ofMillis(500);

    /** A domain event that clears {@link #NAME}. */
    record PageChanged(long id) {
    }

    /** A domain event that clears {@link #BOARD}. */
    record ScoreChanged(long id) {
    }

    @Bean
    CacheSpec testBoardCache() {
        return CacheSpec.of(BOARD, Duration.ofMinutes(10), 100).clearedOn(ScoreChanged.class)
                .broadcastAtMostEvery(BOARD_BROADCAST_EVERY);
    }

    @Bean
    CacheSpec testPagesCache() {
        return CacheSpec.of(NAME, Duration.ofMinutes(10), 100).clearedOn(PageChanged.class);
    }
}
