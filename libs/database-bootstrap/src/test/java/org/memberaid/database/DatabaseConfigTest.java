package org.memberaid.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberaid.database.DatabaseConfig.Maintenance;

/** The property names and defaults the services' application.properties and environments use. */
class DatabaseConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        DatabaseConfig config = Mappings.of(DatabaseConfig.class, Map.of());

        assertThat(config.createIfMissing()).isTrue();
        assertThat(config.cleanBeforeMigrate()).isFalse();
        assertThat(config.retryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requirePassword()).isFalse();
        assertThat(config.maintenance()).isEqualTo(Maintenance.WHEN_AUTOVACUUM_OFF);
        assertThat(config.maintenanceInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsEveryPropertyByItsName() {
        DatabaseConfig config = Mappings.of(DatabaseConfig.class, Map.of(
                "memberaid.database.create-if-missing", "false",
                "memberaid.database.clean-before-migrate", "true",
                "memberaid.database.retry-interval", "1s",
                "memberaid.database.require-password", "true",
                "memberaid.database.maintenance", "always",
                "memberaid.database.maintenance-interval", "1s"));

        assertThat(config.createIfMissing()).isFalse();
        assertThat(config.cleanBeforeMigrate()).isTrue();
        assertThat(config.retryInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.requirePassword()).isTrue();
        assertThat(config.maintenance()).isEqualTo(Maintenance.ALWAYS);
        assertThat(config.maintenanceInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Mappings.of(DatabaseConfig.class, Map.of("memberaid.database.maintenance", "off")).maintenance())
                .isEqualTo(Maintenance.OFF);
    }

    @Test
    void anUnknownMaintenanceModeStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> Mappings.of(DatabaseConfig.class, Map.of("memberaid.database.maintenance", "sometimes")))
                .hasMessageContaining("memberaid.database.maintenance");
    }

    @Test
    void readsTheDatasourceAsQuarkusDoes() {
        DatasourceConfig datasource = Mappings.of(DatasourceConfig.class, Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/members",
                "quarkus.datasource.username", "members"));

        assertThat(datasource.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/members");
        assertThat(datasource.username()).contains("members");
        assertThat(datasource.password()).isEmpty();
    }
}
