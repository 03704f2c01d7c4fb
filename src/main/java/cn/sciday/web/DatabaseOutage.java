package cn.sciday.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells whether a failure means "the database cannot be reached right now" (the answer is then 503 with
 * {@code Retry-After}, not 500): no connection within the pool's timeout, a broken connection, a server shutting
 * down or starting up, a transient failure such as a lock or query timeout.
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** PostgreSQL: the server is shutting down (57P01–57P02) or starting up (57P03). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** Whether this throwable, or one of its causes, is a database outage. */
    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OptimisticLockingFailureException) {
                return false;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && isOutage(tx.getApplicationException())) {
                // the rollback failed on the broken connection; what failed first was the outage
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
