package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.NationalIds;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class MemberRegistrationTest {

    @Test
    void registersAMemberWithLocationAndETagAndMasksTheNationalId() {
        String nationalId = NationalIds.next();

        String location = given().contentType(ContentType.JSON)
                .body(Map.of("nationalId", nationalId, "name", "  王秀英 ", "countyCode", "620702"))
                .when().post("/api/members")
                .then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("王秀英"))
                .body("nationalId", equalTo(nationalId.substring(0, 6) + "********" + nationalId.substring(14)))
                .body("registrationStatus", equalTo("ACTIVE"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("countyCode", equalTo("620702"))
                .body("version", equalTo(1));
    }

    @Test
    void rejectsAMalformedNationalIdNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("nationalId", "62070219700101001", "name", "李明", "countyCode", "620702"))
                .when().post("/api/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("nationalId"));
    }

    @Test
    void rejectsAServerOwnedFieldSetByTheClient() {
        given().contentType(ContentType.JSON)
                .body(Map.of("nationalId", NationalIds.next(), "name", "李明", "countyCode", "620702",
                        "registrationStatus", "DECEASED"))
                .when().post("/api/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("registrationStatus"));
    }

    @Test
    void answers409WithTheExistingMemberForASecondRegistrationOfOneNationalId() {
        String nationalId = NationalIds.next();
        String firstId = given().contentType(ContentType.JSON)
                .body(Map.of("nationalId", nationalId, "name", "赵军", "countyCode", "620721"))
                .when().post("/api/members")
                .then().statusCode(201)
                .extract().path("id");

        given().contentType(ContentType.JSON)
                .body(Map.of("nationalId", nationalId, "name", "赵军", "countyCode", "620722"))
                .when().post("/api/members")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-national-id"))
                .body("existingMemberId", equalTo(firstId));
    }

    @Test
    void answersAnUnknownMemberWithProblemJson() {
        given().when().get("/api/members/8f6a3c1e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("No member"));
    }
}
