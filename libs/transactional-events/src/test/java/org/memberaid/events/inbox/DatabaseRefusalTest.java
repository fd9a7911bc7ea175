package org.memberaid.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

/** Which failures dead-letter an event: only the database refusing its data, never a passing outage. */
class DatabaseRefusalTest {

    @Test
    void aConstraintOrDataErrorHiddenInABatchUpdateIsARefusalWithTheServersMessage() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "22001", new int[0]);
        batch.setNextException(new SQLException("ERROR: value too long for type character varying(12)", "22001"));
        RuntimeException failure = new DataException("could not execute batch", batch);

        assertThat(DatabaseRefusal.reason(failure)).hasValue(
                "refused by the database: SQL state 22001: ERROR: value too long for type character varying(12)");
        assertThat(DatabaseRefusal.reason(new IllegalStateException(new SQLException("ERROR: violates check", "23514"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("23514"));
    }

    @Test
    void aLostConnectionAShutdownADeadlockOrAFailureWithoutSqlStateIsNoRefusal() {
        assertThat(DatabaseRefusal.reason(new RuntimeException(new SQLException("I/O error", "08006")))).isEmpty();
        assertThat(DatabaseRefusal.reason(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isEmpty();
        assertThat(DatabaseRefusal.reason(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isEmpty();
        assertThat(DatabaseRefusal.reason(new IllegalArgumentException("a bug"))).isEmpty();
    }
}
