package org.memberaid.database;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Tells which database constraint refused a change, wherever the driver's exception sits in the
 * cause chain (Hibernate and JTA wrap it). Services let a constraint decide a race, then answer
 * with the domain's own error.
 */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    public static boolean violates(Throwable error, String constraint) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                if (server != null && constraint.equals(server.getConstraint())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
