package org.memberaid.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC transactions on the service's pooled connections, without JTA or an ORM session.
 * For the hot paths that are a handful of statements (requesting and approving money): there the
 * ORM's session, flush and the transaction manager's bookkeeping cost more than the SQL itself.
 * Either all of the work commits or none of it does.
 */
@ApplicationScoped
public class JdbcTransactions {

    /** Work done on the transaction's connection; it must not commit, roll back or close it. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** A database failure inside {@link #run}; the driver's exception is the cause. */
    public static class DatabaseException extends RuntimeException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Inject
    DataSource dataSource;

    /** Runs {@code work} in a new transaction and commits it; rolls it back when anything is thrown. */
    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static void rollback(Connection connection, Throwable reason) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            reason.addSuppressed(e);
        }
    }
}
