package cn.sciday;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL database that tests use when {@code SCIDAY_TEST_POSTGRES_URL} is set (a JDBC URL carrying user and
 * password). Each test gets a schema of its own, dropped afterwards.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    public static final String VARIABLE = "SCIDAY_TEST_POSTGRES_URL";

    private final String baseUrl;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    /** Creates a fresh, empty schema. */
    public static PostgresTestDatabase freshSchema() throws SQLException {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(VARIABLE + " is not set");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        return new PostgresTestDatabase(url, schema);
    }

    /** A JDBC URL whose default schema is this test's schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
