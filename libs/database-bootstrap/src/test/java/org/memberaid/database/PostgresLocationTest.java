package org.memberaid.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresLocationTest {

    @Test
    void findsTheDatabaseAndTheMaintenanceDatabaseOfTheSameServer() {
        PostgresLocation location = PostgresLocation.parse("jdbc:postgresql://127.0.0.1:5432/members_test?sslmode=disable");

        assertEquals("127.0.0.1:5432", location.server());
        assertEquals("members_test", location.database());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", location.maintenanceUrl());
    }

    @Test
    void refusesANameThatCannotBeQuotedSafelyIntoCreateDatabase() {
        assertThrows(IllegalArgumentException.class,
                () -> PostgresLocation.parse("jdbc:postgresql://localhost/members\";DROP"));
    }

    @Test
    void refusesAUrlOfAnotherDatabaseKind() {
        assertThrows(IllegalArgumentException.class, () -> PostgresLocation.parse("jdbc:mysql://localhost/members"));
    }
}
