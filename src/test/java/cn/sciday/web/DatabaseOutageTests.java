package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are a database outage (503) and which are not. */
class DatabaseOutageTests {

    @Test
    void connectionFailuresAreOutages() {
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new CannotGetJdbcConnectionException("broken"));
        assertThat(DatabaseOutage.isOutage(rollbackFailed)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new OptimisticLockingFailureException("changed"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("commit failed",
                new SQLException("Connection is closed")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
    }
}
