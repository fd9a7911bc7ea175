package org.memberaid.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectConnectionsTest {

    private static DirectConnections with(boolean required, Optional<String> password) {
        DirectConnections connections = new DirectConnections();
        connections.requirePassword = required;
        connections.password = password;
        return connections;
    }

    @Test
    void refusesToGoOnWithoutAPasswordWhereOneIsRequired() {
        for (Optional<String> missing : List.of(Optional.<String>empty(), Optional.of(" "))) {
            assertThatThrownBy(() -> with(true, missing).requireCredentials())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("QUARKUS_DATASOURCE_PASSWORD");
        }
        assertThatCode(() -> with(true, Optional.of("s3cret")).requireCredentials()).doesNotThrowAnyException();
        assertThatCode(() -> with(false, Optional.empty()).requireCredentials()).doesNotThrowAnyException();
    }
}
