package org.memberaid.database;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections outside the pool and outside JTA, for work that must hold one session for a long
 * time (the outbox relay's leader lock) or that runs before the database exists.
 */
@ApplicationScoped
public class DirectConnections {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Production sets it: a service there refuses to start rather than connect without a password. */
    @ConfigProperty(name = "memberaid.database.require-password", defaultValue = "false")
    boolean requirePassword;

    /** Fails (and so stops the start) when a password is required and none is configured. */
    public void requireCredentials() {
        if (requirePassword && password.filter(p -> !p.isBlank()).isEmpty()) {
            throw new IllegalStateException("No database password: set QUARKUS_DATASOURCE_PASSWORD "
                    + "(memberaid.database.require-password is on in the production profile)");
        }
    }

    public PostgresLocation location() {
        return PostgresLocation.parse(jdbcUrl);
    }

    public Connection toServiceDatabase() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials());
    }

    public Connection toMaintenanceDatabase() throws SQLException {
        return DriverManager.getConnection(location().maintenanceUrl(), credentials());
    }

    private Properties credentials() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "memberaid");
        return properties;
    }
}
