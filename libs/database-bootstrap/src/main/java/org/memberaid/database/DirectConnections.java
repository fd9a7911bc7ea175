package org.memberaid.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections outside the pool and outside JTA, for work that must hold one session for a long
 * time (the outbox relay's leader lock) or that runs before the database exists.
 */
@ApplicationScoped
public class DirectConnections {

    @Inject
    DatasourceConfig datasource;

    @Inject
    DatabaseConfig database;

    /** Fails (and so stops the start) when a password is required and none is configured. */
    public void requireCredentials() {
        if (database.requirePassword() && datasource.password().filter(p -> !p.isBlank()).isEmpty()) {
            throw new IllegalStateException("No database password: set QUARKUS_DATASOURCE_PASSWORD "
                    + "(memberaid.database.require-password is on in the production profile)");
        }
    }

    public PostgresLocation location() {
        return PostgresLocation.parse(datasource.jdbcUrl());
    }

    public Connection toServiceDatabase() throws SQLException {
        return DriverManager.getConnection(datasource.jdbcUrl(), credentials());
    }

    public Connection toMaintenanceDatabase() throws SQLException {
        return DriverManager.getConnection(location().maintenanceUrl(), credentials());
    }

    private Properties credentials() {
        Properties properties = new Properties();
        datasource.username().ifPresent(user -> properties.setProperty("user", user));
        datasource.password().ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "memberaid");
        return properties;
    }
}
