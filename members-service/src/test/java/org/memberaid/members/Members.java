package org.memberaid.members;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Registration bodies and calls that tests build on. */
public final class Members {

    private Members() {
    }

    /** A complete, valid registration of a 55-year-old Ganzhou farmer, not in difficulty. */
    public static Map<String, Object> registration(String nationalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("nationalId", nationalId);
        body.put("name", "王秀英");
        body.put("ethnicity", "汉族");
        body.put("phone", "13909360123");
        body.put("countyCode", "620702");
        body.put("township", "梁家墩镇");
        body.put("village", "清凉寺村");
        body.put("partyBranch", "清凉寺村党支部");
        body.put("joinedPartyOn", "1995-07-01");
        // Registered at the start of the year, so that the tests' changes dated in 2026 come after it.
        body.put("registeredOn", "2026-01-02");
        body.put("education", "JUNIOR_SECONDARY");
        body.put("laborCapacity", "FULL");
        body.put("annualIncome", 18000.00);
        body.put("notableContribution", false);
        return body;
    }

    public static Map<String, Object> registration() {
        return registration(NationalIds.next());
    }

    public static Map<String, Object> inDifficulty(Map<String, Object> body, String... causes) {
        body.put("hardshipStatus", "IN_DIFFICULTY");
        body.put("causes", List.of(causes));
        return body;
    }

    public static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/members").then();
    }

    /** Registers a valid member in the county and returns its id. */
    public static String register(String countyCode) {
        Map<String, Object> body = registration();
        body.put("countyCode", countyCode);
        return post(body).statusCode(201).extract().path("id");
    }
}
