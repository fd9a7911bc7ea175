package org.memberaid.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a service brings up and looks after its database ({@code memberaid.database.*}): one place
 * for the names and defaults that {@link DatabaseBootstrap}, {@link DirectConnections} and
 * {@link TableMaintenance} read.
 */
@ConfigMapping(prefix = "memberaid.database")
public interface DatabaseConfig {

    /** Create the service's database on the server when it is missing. */
    @WithDefault("true")
    boolean createIfMissing();

    /** Tests only: start every run from an empty schema so figures do not depend on earlier runs. */
    @WithDefault("false")
    boolean cleanBeforeMigrate();

    /** How long to wait between attempts to reach an unreachable or unusable server. */
    @WithDefault("5s")
    Duration retryInterval();

    /** Production sets it: a service there refuses to start rather than connect without a password. */
    @WithDefault("false")
    boolean requirePassword();

    /** When the service vacuums and analyzes its tables itself. */
    @WithDefault("when-autovacuum-off")
    Maintenance maintenance();

    /** How often {@link TableMaintenance} looks for tables that are due. */
    @WithDefault("10s")
    Duration maintenanceInterval();

    /** {@code when-autovacuum-off}, {@code always} or {@code off}; another value stops the start. */
    enum Maintenance {
        WHEN_AUTOVACUUM_OFF, ALWAYS, OFF
    }
}
