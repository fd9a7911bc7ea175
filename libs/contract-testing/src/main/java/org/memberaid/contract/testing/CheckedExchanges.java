package org.memberaid.contract.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Before every {@code @QuarkusTest} method (found by Quarkus through {@code META-INF/services}, so no
 * test has to ask), puts {@link ServedContract} among rest-assured's global filters: every exchange of
 * every test of a service is checked against the service's OpenAPI document.
 */
public class CheckedExchanges implements QuarkusTestBeforeEachCallback {

    private static final ServedContract CONTRACT = new ServedContract();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ServedContract.class::isInstance)) {
            RestAssured.filters(CONTRACT);
        }
    }
}
