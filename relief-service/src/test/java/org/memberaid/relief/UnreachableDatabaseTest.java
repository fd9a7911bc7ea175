package org.memberaid.relief;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.testing.TestTokens;

/**
 * A service whose PostgreSQL cannot be reached still starts, stays alive, says it is not ready, and
 * answers requests 503 with Retry-After.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(UnreachableDatabaseTest.NoDatabase.class)
class UnreachableDatabaseTest {

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/live", management = true)
    URL liveness;

    @BeforeEach
    void signIn() {
        TestTokens.actAs("caseworker-1", "620000", Role.CASEWORKER);
    }

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, so every connection is refused at once.
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/relief_test",
                    "memberaid.database.retry-interval", "1s");
        }
    }

    @Test
    void startsLiveButNotReadyAndNamesTheProblem() {
        given().when().get(liveness).then().statusCode(200);
        given().when().get(readiness).then().statusCode(503).header("Retry-After", "5")
                .body("checks.find { it.name == 'database-schema' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database-schema' }.data.problem",
                        org.hamcrest.Matchers.containsString("refused"));
    }

    @Test
    void answersRequestsWith503AndWhenToRetryUntilTheDatabaseIsBack() {
        given().when().get("/api/funds/" + UUID.randomUUID()).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("https://memberaid.org/problems/database-unavailable"));
        given().when().get("/api/disbursements").then().statusCode(503).header("Retry-After", "5");
    }
}
