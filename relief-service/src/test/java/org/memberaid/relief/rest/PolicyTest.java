package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.testing.TestTokens;

/** Each test changes its own county: policies persist for the run. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PolicyTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("admin-1", "620000", Role.ADMIN);
    }

    private static Map<String, Object> articleRules() {
        Map<String, Object> rules = new HashMap<>();
        rules.put("hardshipReliefMin", "1000.00");
        rules.put("hardshipReliefMax", "3000.00");
        rules.put("livingSubsidyMin", "300.00");
        rules.put("livingSubsidyMax", "500.00");
        rules.put("livingSubsidyAge", 70);
        rules.put("specialReliefFloor", "500000.00");
        rules.put("startupSupportMax", "50000.00");
        rules.put("veteranYears", 50);
        return rules;
    }

    @Test
    void followsTheArticleUntilTheCountySetsItsOwnRules() {
        given().when().get("/api/policies/620724").then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("hardshipReliefMin", equalTo(1000.0f)).body("hardshipReliefMax", equalTo(3000.0f))
                .body("livingSubsidyMin", equalTo(300.0f)).body("livingSubsidyMax", equalTo(500.0f))
                .body("livingSubsidyAge", equalTo(70)).body("specialReliefFloor", equalTo(500000.0f))
                .body("startupSupportMax", equalTo(50000.0f)).body("veteranYears", equalTo(50));
    }

    @Test
    void letsACountyWidenTheReliefBandWithIfMatch() {
        Map<String, Object> widened = articleRules();
        widened.put("hardshipReliefMax", "5000.00");

        given().contentType(ContentType.JSON).body(widened).when().put("/api/policies/620725")
                .then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(widened).when().put("/api/policies/620725")
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("hardshipReliefMax", equalTo(5000.0f));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(widened).when().put("/api/policies/620725")
                .then().statusCode(412).body("currentVersion", equalTo(1));
        given().when().get("/api/policies/620725").then().header("ETag", equalTo("\"1\""))
                .body("hardshipReliefMax", equalTo(5000.0f));
    }

    @Test
    void refusesInconsistentRulesAndUnknownCounties() {
        Map<String, Object> inverted = articleRules();
        inverted.put("livingSubsidyMin", "600.00");

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(inverted).when().put("/api/policies/620722")
                .then().statusCode(400).body("violations.field", contains("livingSubsidyMax"));
        given().when().get("/api/policies/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRaisedFloorAppliesToNewSpecialReliefFunds() {
        Map<String, Object> raised = articleRules();
        raised.put("specialReliefFloor", "600000.00");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(raised).when().put("/api/policies/620723")
                .then().statusCode(200);

        try {
            FundTest.allocate("620723", 2020, "SPECIAL_RELIEF", "550000").statusCode(422)
                    .body("rule", equalTo("special-relief-floor"));
            FundTest.allocate("620723", 2020, "SPECIAL_RELIEF", "600000").statusCode(201);
        } finally {
            // the other test classes of the run allocate the article's 500,000 in this county
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(articleRules()).when()
                    .put("/api/policies/620723").then().statusCode(200);
        }
    }
}
