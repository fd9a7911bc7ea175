package org.memberaid.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the database exists and carries the schema this build expects. */
@Readiness
@ApplicationScoped
public class DatabaseSchemaHealthCheck implements HealthCheck {

    @Inject
    DatabaseBootstrap bootstrap;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database-schema").status(bootstrap.isMigrated());
        bootstrap.problem().ifPresent(problem -> response.withData("problem", problem));
        return response.build();
    }
}
