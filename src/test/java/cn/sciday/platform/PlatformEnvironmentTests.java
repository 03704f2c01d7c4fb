package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The deployment switches become the right Spring settings. */
class PlatformEnvironmentTests {

    static StandardEnvironment run(Map<String, Object> settings) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new PlatformEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void aSingleMachineUsesContainerSessionsAndNoRedis() {
        String exclude = run(Map.of()).getProperty("spring.autoconfigure.exclude");
        assertThat(exclude).contains("JdbcSessionAutoConfiguration", "SessionDataRedisAutoConfiguration",
                "session.autoconfigure.SessionAutoConfiguration", "DataRedisAutoConfiguration",
                "DataRedisHealthContributorAutoConfiguration");
    }

    @Test
    void jdbcSessionsKeepOnlyTheJdbcStore() {
        String exclude = run(Map.of("sciday.sessions", "jdbc")).getProperty("spring.autoconfigure.exclude");
        assertThat(exclude).contains("SessionDataRedisAutoConfiguration").doesNotContain("JdbcSessionAutoConfiguration")
                .doesNotContain("session.autoconfigure.SessionAutoConfiguration");
    }

    @Test
    void redisSessionsNeedRedisAndKeepOnlyTheRedisStore() {
        assertThatThrownBy(() -> run(Map.of("sciday.sessions", "redis")))
                .hasMessageContaining("spring.data.redis.url");
        String exclude = run(Map.of("sciday.sessions", "redis", "spring.data.redis.url", "redis://127.0.0.1:6379",
                "spring.autoconfigure.exclude", "com.example.Other")).getProperty("spring.autoconfigure.exclude");
        assertThat(exclude).contains("JdbcSessionAutoConfiguration", "com.example.Other")
                .doesNotContain("SessionDataRedisAutoConfiguration").doesNotContain("DataRedisAutoConfiguration");
        assertThatThrownBy(() -> run(Map.of("sciday.sessions", "memcached"))).hasMessageContaining("container");
    }

    @Test
    void jsonLoggingSwitchesTheConsoleToEcs() {
        assertThat(run(Map.of("sciday.logging.json", "true")).getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
        assertThat(run(Map.of()).getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void postgresGetsDriverTimeoutsUnlessTheUrlSetsThem() {
        var env = run(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/sciday?socketTimeout=120"));
        String prefix = "spring.datasource.hikari.data-source-properties";
        assertThat(env.getProperty(prefix + "[connectTimeout]")).isEqualTo("3");
        assertThat(env.getProperty(prefix + "[tcpKeepAlive]")).isEqualTo("true");
        assertThat(env.getProperty(prefix + "[socketTimeout]")).as("the URL's value wins").isNull();
        assertThat(run(Map.of("spring.datasource.url", "jdbc:h2:mem:x")).getProperty(prefix + "[connectTimeout]"))
                .as("H2 refuses unknown settings").isNull();
    }

    @Test
    void thePoolFollowsTheProcessorsUnlessSet() {
        assertThat(PlatformEnvironment.poolSize(2)).isEqualTo(5);
        assertThat(PlatformEnvironment.poolSize(8)).isEqualTo(17);
        assertThat(PlatformEnvironment.poolSize(1)).isEqualTo(5);
        int expected = PlatformEnvironment.poolSize(Runtime.getRuntime().availableProcessors());
        assertThat(run(Map.of()).getProperty(PlatformEnvironment.POOL_SIZE, Integer.class)).isEqualTo(expected);
        assertThat(run(Map.of(PlatformEnvironment.POOL_SIZE, "24")).getProperty(PlatformEnvironment.POOL_SIZE))
                .as("a setting wins").isEqualTo("24");
    }

    @Test
    void requestThreadsFollowThePoolUnlessSet() {
        int pool = PlatformEnvironment.poolSize(Runtime.getRuntime().availableProcessors());
        assertThat(run(Map.of()).getProperty(PlatformEnvironment.THREADS, Integer.class)).isEqualTo(pool + 3);
        assertThat(run(Map.of(PlatformEnvironment.POOL_SIZE, "24")).getProperty(PlatformEnvironment.THREADS))
                .as("three more than a pool that is set").isEqualTo("27");
        assertThat(run(Map.of(PlatformEnvironment.THREADS, "200")).getProperty(PlatformEnvironment.THREADS))
                .as("a setting wins").isEqualTo("200");
    }
}
