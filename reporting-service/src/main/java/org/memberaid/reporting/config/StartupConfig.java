package org.memberaid.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The database-bootstrap setting reporting acts on too: a database cleaned before it is migrated
 * (in tests) must not keep the projections of an earlier run, which live outside the migrated schema.
 */
@ConfigMapping(prefix = "memberaid.database")
public interface StartupConfig {

    /** Whether database-bootstrap empties the database before migrating it; then every projection is dropped. */
    @WithDefault("false")
    boolean cleanBeforeMigrate();
}
