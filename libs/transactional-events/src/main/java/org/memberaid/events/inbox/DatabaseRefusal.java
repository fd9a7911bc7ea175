package org.memberaid.events.inbox;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that refused the data it was given (SQL state class 22, data exception, or 23,
 * integrity constraint violation) from every other failure. A refusal is about the event: applied
 * again it fails again, so it is dead-lettered. Anything else (a lost connection, class 08; a
 * shutdown, 57P01; a deadlock or serialization failure, class 40; a bug) says nothing about the event
 * and must dead-letter nothing: the batch is read again later.
 */
final class DatabaseRefusal {

    private DatabaseRefusal() {
    }

    /** Why the database refused the data, when {@code failure} is such a refusal. */
    static Optional<String> reason(Throwable failure) {
        SQLException cause = innermostWithState(failure);
        if (cause == null) {
            return Optional.empty();
        }
        String state = cause.getSQLState();
        if (!state.startsWith("22") && !state.startsWith("23")) {
            return Optional.empty();
        }
        return Optional.of("refused by the database: SQL state " + state + ": " + cause.getMessage());
    }

    /**
     * The server's own error, the deepest SQL exception that has a state: drivers and Hibernate wrap
     * it (a batch's error hides behind {@link SQLException#getNextException()}).
     */
    private static SQLException innermostWithState(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        SQLException found = null;
        for (Throwable error = failure; error != null && seen.add(error); error = error.getCause()) {
            if (error instanceof SQLException sql) {
                found = sql.getSQLState() != null ? sql : found;
                for (SQLException next = sql.getNextException(); next != null && seen.add(next);
                        next = next.getNextException()) {
                    found = next.getSQLState() != null ? next : found;
                }
            }
        }
        return found;
    }
}
