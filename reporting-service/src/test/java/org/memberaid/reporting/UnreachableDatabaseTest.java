package org.memberaid.reporting;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.testing.TestTokens;

/** Reports asked for before the database is reachable are 503 with Retry-After, as readiness is. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(UnreachableDatabaseTest.NoDatabase.class)
class UnreachableDatabaseTest {

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, so every connection is refused at once.
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/reporting_test",
                    "memberaid.database.retry-interval", "1s");
        }
    }

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-gansu", "620000", Role.ANALYST);
    }

    @Test
    void answersReportsWith503AndWhenToRetry() {
        given().when().get(readiness).then().statusCode(503).header("Retry-After", "5");
        for (String report : new String[] { "/api/reports/counties", "/api/reports/counties/620702",
                "/api/reports/monthly?regionCode=620700", "/api/reports/freshness" }) {
            given().when().get(report).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://memberaid.org/problems/database-unavailable"));
        }
    }
}
