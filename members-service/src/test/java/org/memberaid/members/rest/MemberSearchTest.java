package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MemberSearchTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    @Test
    void findsByCountyStatusAndNamePrefixAPageAtATimeInAStableOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Members.inDifficulty(Members.registration(), "OLD_AGE");
            body.put("countyCode", "620723");
            body.put("name", "祁连" + i);
            ids.add(Members.post(body).statusCode(201).extract().path("id"));
        }

        given().queryParams(Map.of("countyCode", "620723", "hardshipStatus", "IN_DIFFICULTY", "q", "祁连", "size", 2))
                .when().get("/api/members").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.id", contains(ids.get(0), ids.get(1)))
                .body("items.nationalId", everyItem(org.hamcrest.Matchers.containsString("********")));
        given().queryParams(Map.of("countyCode", "620723", "q", "祁连", "size", 2, "page", 1))
                .when().get("/api/members").then().statusCode(200)
                .body("items.id", contains(ids.get(2)));
    }

    @Test
    void findsByAWholeNationalIdButNeverByAPartOfOne() {
        Map<String, Object> body = Members.registration();
        String nationalId = (String) body.get("nationalId");
        String id = Members.post(body).statusCode(201).extract().path("id");

        given().queryParam("q", nationalId).when().get("/api/members").then().statusCode(200)
                .body("items.id", contains(id));
        given().queryParam("q", nationalId.substring(0, 17)).when().get("/api/members").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void refusesPagesLargerThan500() {
        given().queryParam("size", 501).when().get("/api/members").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("size"));
        given().queryParam("hardshipStatus", "POOR").when().get("/api/members").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("size", 500).when().get("/api/members").then().statusCode(200)
                .body("items", hasSize(org.hamcrest.Matchers.lessThanOrEqualTo(500)));
    }
}
