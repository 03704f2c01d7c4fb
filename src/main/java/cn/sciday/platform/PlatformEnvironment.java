package cn.sciday.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns SciDay's few deployment switches into Spring settings before anything starts:
 * <ul>
 * <li>{@code sciday.sessions}: {@code container} (default, sessions in the servlet container's memory: one
 * instance), {@code jdbc} (Spring Session in the database) or {@code redis} (Spring Session in Redis). Only the chosen
 * store's auto-configuration stays on.</li>
 * <li>Redis is used only when {@code spring.data.redis.url} or {@code spring.data.redis.host} is set; otherwise no
 * Redis connection, health check or listener is created, so a single machine runs without it.</li>
 * <li>{@code sciday.logging.json=true} switches the console log to structured JSON (ECS).</li>
 * <li>On PostgreSQL, driver timeouts for fast failure and recovery ({@code connectTimeout}, {@code socketTimeout},
 * {@code tcpKeepAlive}) unless the URL sets them.</li>
 * <li>The connection pool's size defaults to twice the processors plus one (HikariCP's pool-sizing rule), below
 * every other setting: a pool much larger than the cores lets many transactions queue on the same hot row (one
 * activity's seats) while their holders wait for a processor.</li>
 * <li>Tomcat's request threads default to the pool's size plus three, below every other setting: further requests
 * wait in Tomcat's queue, and a thread that finishes one request takes the next itself, where with a thread per
 * request each finished transaction has to wake another thread waiting for its connection. On two cores, 32
 * connections signing up ran at 45–47% of pgbench's rate with 200 threads and at 54–57% with 8
 * (bench/signup.sh). A thread is held while a request's body is read and its answer written: behind a reverse proxy
 * that buffers both (nginx does by default) slow phones do not hold them; without one, raise
 * {@code server.tomcat.threads.max} (docs/operations.md).</li>
 * </ul>
 */
public class PlatformEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "sciday-platform";
    static final String DEFAULTS = "sciday-platform-defaults";
    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    static final String THREADS = "server.tomcat.threads.max";

    private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");
    private static final String JDBC_SESSIONS =
            "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";
    private static final String REDIS_SESSIONS =
            "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration";
    private static final List<String> SPRING_SESSION = List.of(
            "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
            "org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration");

    /** Where sessions live. */
    enum Sessions {
        CONTAINER, JDBC, REDIS
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Binder binder = Binder.get(env);
        Set<String> exclude = new LinkedHashSet<>(
                binder.bind("spring.autoconfigure.exclude", String[].class).map(List::of).orElse(List.of()));
        Map<String, Object> properties = new LinkedHashMap<>();

        boolean redis = redisConfigured(env);
        if (!redis) {
            exclude.addAll(REDIS_AUTO_CONFIGURATIONS);
        }
        Sessions sessions = sessions(env);
        switch (sessions) {
            case CONTAINER -> {
                exclude.add(JDBC_SESSIONS);
                exclude.add(REDIS_SESSIONS);
                exclude.addAll(SPRING_SESSION);
            }
            case JDBC -> exclude.add(REDIS_SESSIONS);
            case REDIS -> {
                if (!redis) {
                    throw new IllegalStateException("sciday.sessions=redis needs Redis: set spring.data.redis.url "
                            + "(SPRING_DATA_REDIS_URL), for example redis://127.0.0.1:6379");
                }
                exclude.add(JDBC_SESSIONS);
            }
        }
        properties.put("spring.autoconfigure.exclude", String.join(",", exclude));

        if (Boolean.parseBoolean(env.getProperty("sciday.logging.json", "false"))
                && !env.containsProperty("logging.structured.format.console")) {
            properties.put("logging.structured.format.console", "ecs");
        }
        properties.putAll(postgresDriverDefaults(env.getProperty("spring.datasource.url", "")));
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
        int pool = env.getProperty(POOL_SIZE, Integer.class, poolSize(Runtime.getRuntime().availableProcessors()));
        env.getPropertySources().addLast(new MapPropertySource(DEFAULTS,
                Map.of(POOL_SIZE, pool, THREADS, threads(pool))));
    }

    /** Request threads for a pool of this many connections: three more than the connections. */
    static int threads(int poolSize) {
        return poolSize + 3;
    }

    /** Connections for a machine with this many processors: 2 × processors + 1, at least 5. */
    static int poolSize(int processors) {
        return Math.max(5, 2 * processors + 1);
    }

    static boolean redisConfigured(ConfigurableEnvironment env) {
        return !env.getProperty("spring.data.redis.url", "").isBlank()
                || !env.getProperty("spring.data.redis.host", "").isBlank();
    }

    static Sessions sessions(ConfigurableEnvironment env) {
        String value = env.getProperty("sciday.sessions", "container").strip().toUpperCase(Locale.ROOT);
        try {
            return Sessions.valueOf(value.isEmpty() ? "CONTAINER" : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sciday.sessions must be container, jdbc or redis, not '"
                    + env.getProperty("sciday.sessions") + "'");
        }
    }

    /**
     * PostgreSQL driver settings (seconds) that bound how long a dead or unreachable server can hold a request: a
     * connection attempt gives up after {@code connectTimeout}, a read after {@code socketTimeout}; keep-alive finds
     * half-open connections. Values in the URL win.
     */
    static Map<String, Object> postgresDriverDefaults(String url) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (!url.startsWith("jdbc:postgresql:")) {
            return defaults;
        }
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1).toLowerCase(Locale.ROOT) : "";
        List<String> names = new ArrayList<>();
        for (String pair : query.split("&")) {
            names.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
        }
        String prefix = "spring.datasource.hikari.data-source-properties";
        if (!names.contains("connecttimeout")) {
            defaults.put(prefix + "[connectTimeout]", "3");
        }
        if (!names.contains("sockettimeout")) {
            defaults.put(prefix + "[socketTimeout]", "60");
        }
        if (!names.contains("tcpkeepalive")) {
            defaults.put(prefix + "[tcpKeepAlive]", "true");
        }
        return defaults;
    }
}
