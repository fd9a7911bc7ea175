package org.memberaid.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * The default datasource's address and credentials, as Quarkus' pool reads them
 * ({@code quarkus.datasource.*}): {@link DirectConnections} opens connections outside that pool
 * to the same database with the same credentials.
 */
@ConfigMapping(prefix = "quarkus.datasource")
public interface DatasourceConfig {

    @WithName("jdbc.url")
    String jdbcUrl();

    Optional<String> username();

    Optional<String> password();
}
