package cn.sciday.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import cn.sciday.PostgresTestDatabase;

/**
 * A database of its own for chain tests that lock, fork and tamper (never the shared test context's): a fresh H2
 * in-memory database or a fresh PostgreSQL schema, migrated by Flyway, with the audit classes wired by hand.
 */
final class AuditTestDatabase implements AutoCloseable {

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final AuditRepository repo;
    final AuditTrail trail;
    final AuditChainVerifier verifier;
    final TransactionTemplate tx;
    private final PostgresTestDatabase postgres;

    private AuditTestDatabase(String url, String schema, PostgresTestDatabase postgres) {
        this.postgres = postgres;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .schemas(schema == null ? new String[0] : new String[] {schema}).load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(12);
        this.dataSource = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(dataSource);
        this.repo = new AuditRepository(jdbc, new JdbcTemplate(dataSource));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.trail = new AuditTrail(repo, Clock.fixed(Instant.parse("2021-09-15T01:00:00Z"),
                ZoneId.of("Asia/Shanghai")), transactions);
        this.verifier = new AuditChainVerifier(repo, trail);
        this.tx = new TransactionTemplate(transactions);
    }

    static AuditTestDatabase h2() {
        return new AuditTestDatabase("jdbc:h2:mem:audit-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", null, null);
    }

    static AuditTestDatabase postgres() throws SQLException {
        PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
        return new AuditTestDatabase(db.url(), db.schema(), db);
    }

    /** A connection of its own in a transaction driven by hand, with an audit repository working on it. */
    Session session() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        SingleConnectionDataSource own = new SingleConnectionDataSource(c, true);
        return new Session(c, new AuditRepository(JdbcClient.create(own), new JdbcTemplate(own)));
    }

    /** One hand-driven transaction. */
    record Session(Connection connection, AuditRepository repo) implements AutoCloseable {

        void commit() throws SQLException {
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        }
    }

    void dropSequenceConstraint() {
        jdbc.sql("alter table audit_entry drop constraint uq_audit_entry_seq").update();
    }

    long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    @Override
    public void close() throws SQLException {
        trail.destroy();
        trail.destroy();
        if (postgres == null) {
            jdbc.sql("shutdown").update();
        }
        dataSource.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
