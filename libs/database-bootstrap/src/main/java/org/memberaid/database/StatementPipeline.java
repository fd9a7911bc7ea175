package org.memberaid.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Statements of one transaction sent to PostgreSQL together, in one round trip: the driver runs a
 * prepared string of several statements as one exchange with the server. For the busiest paths,
 * whose writes are a few short statements each: every round trip costs the service and the
 * database a wake-up each, which on a small machine cost more than the statements themselves.
 *
 * <p>The statements run in the order they were added, in the caller's transaction; if one fails,
 * the ones after it do not run and {@link #execute} throws (the caller's transaction rolls back).
 * Parameters are bound with {@code setObject}: pass {@code java.sql.Timestamp} for instants.
 */
public final class StatementPipeline {

    private final List<String> statements = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds one statement (no {@code ;} inside) with its parameters, in placeholder order. */
    public StatementPipeline add(String sql, Object... values) {
        if (sql.contains(";")) {
            throw new IllegalArgumentException("One statement at a time: " + sql);
        }
        statements.add(sql);
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    /** Runs every statement added, in one round trip; returns each one's update count, in order. */
    public int[] execute(Connection connection) throws SQLException {
        int[] counts = new int[statements.size()];
        if (statements.isEmpty()) {
            return counts;
        }
        try (PreparedStatement all = connection.prepareStatement(String.join(";\n", statements))) {
            for (int i = 0; i < parameters.size(); i++) {
                all.setObject(i + 1, parameters.get(i));
            }
            all.execute();
            for (int i = 0; i < counts.length; i++) {
                if (i > 0) {
                    all.getMoreResults();
                }
                counts[i] = all.getUpdateCount();
            }
        }
        return counts;
    }
}
