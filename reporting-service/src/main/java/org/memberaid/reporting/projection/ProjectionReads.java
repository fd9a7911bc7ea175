package org.memberaid.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.memberaid.jdbc.JdbcTransactions;

/**
 * How everything that reads the figures reads them: one read-only, repeatable-read transaction on
 * the active projection (the reference data in {@code public} beside it), so a report's queries
 * all see one moment even while batches commit and a rebuild switches projections.
 */
@ApplicationScoped
public class ProjectionReads {

    @Inject
    JdbcTransactions transactions;

    @Inject
    Projections projections;

    /** Runs {@code work} in such a transaction; a database not ready yet is a transient failure (503). */
    public <T> T read(JdbcTransactions.Work<T> work) {
        return transactions.run(connection -> {
            String schema = projections.active();
            if (schema == null) {
                throw new SQLTransientConnectionException("The reporting database is not ready yet");
            }
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO " + schema + ", public");
            }
            return work.apply(connection);
        });
    }
}
