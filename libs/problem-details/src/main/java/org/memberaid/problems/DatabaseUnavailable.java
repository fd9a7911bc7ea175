package org.memberaid.problems;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database is unavailable for now rather than that the request went
 * wrong: somewhere among its causes, a connection that could not be made or was lost (SQLState
 * class 08, or a transient connection failure), a server shutting down or starting up (57P01-57P03),
 * or one with no connection left (53300).
 */
final class DatabaseUnavailable {

    /** What the database bootstrap waits between attempts to reach the server (memberaid.database.retry-interval). */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        return find(failure) != null;
    }

    static String describe(Throwable failure) {
        SQLException cause = find(failure);
        return cause == null ? String.valueOf(failure) : cause.getSQLState() + " " + cause.getMessage();
    }

    private static SQLException find(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && unavailable(sql)) {
                return sql;
            }
        }
        return null;
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }
}
