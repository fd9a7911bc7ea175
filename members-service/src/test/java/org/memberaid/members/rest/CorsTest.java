package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.testing.TestTokens;

/** With an origin list configured (MEMBERAID_CORS_ORIGINS), browser apps from those origins may call the API. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(CorsTest.AppOrigin.class)
class CorsTest {

    private static final String APP = "https://app.example.org";

    public static class AppOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // As MEMBERAID_CORS_ORIGINS=https://app.example.org would; nothing else switches CORS on.
            return Map.of("MEMBERAID_CORS_ORIGINS", APP);
        }
    }

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    @Test
    void answersThePreflightOfAListedOrigin() {
        given().header("Authorization", "").header("Origin", APP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/api/members").then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"))
                .header("Access-Control-Max-Age", "600")
                .header("Access-Control-Allow-Credentials", "false");
    }

    @Test
    void letsTheListedOriginReadTheAnswerAndItsHeaders() {
        String id = Members.register("620702");

        given().header("Origin", APP).when().get("/api/members/" + id).then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .body("id", equalTo(id));
    }

    @Test
    void refusesAnOriginNotListed() {
        given().header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/api/members").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
