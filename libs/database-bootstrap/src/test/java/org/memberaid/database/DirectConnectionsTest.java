package org.memberaid.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectConnectionsTest {

    private static DirectConnections with(boolean required, Optional<String> password) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/members",
                "memberaid.database.require-password", Boolean.toString(required)));
        password.ifPresent(secret -> properties.put("quarkus.datasource.password", secret));
        return Mappings.directConnections(properties);
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
