package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.members.TopicProbe;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MemberLifecycleTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    @Inject
    ObjectMapper json;

    @Test
    void updatesWithIfMatchAndRefusesAStaleOrMissingOne() {
        String id = Members.register("620702");
        Map<String, Object> change = Members.registration();
        change.remove("nationalId");
        change.remove("countyCode");
        change.put("annualIncome", 0);
        change.put("laborCapacity", "NONE");

        given().contentType(ContentType.JSON).body(change).when().put("/api/members/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("laborCapacity", equalTo("NONE")).body("version", equalTo(2));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .header("ETag", equalTo("\"2\"")).body("currentVersion", equalTo(2));
    }

    @Test
    void neverChangesTheNationalIdOrTheCountyByUpdate() {
        String id = Members.register("620702");
        Map<String, Object> change = Members.registration();
        change.remove("countyCode");

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(400).body("violations.field", contains("nationalId"));
        change.remove("nationalId");
        change.put("countyCode", "620725");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(400).body("violations.field", contains("countyCode"));
        given().when().get("/api/members/" + id).then().body("version", equalTo(1)).body("countyCode", equalTo("620702"));
    }

    @Test
    void assessesHardshipWithItsTransitionsAndKeepsTheHistory() {
        String id = Members.register("620724");
        String assessments = "/api/members/" + id + "/hardship-assessments";

        assess(assessments, "LIFTED_OUT", List.of()).statusCode(409).contentType("application/problem+json");
        assess(assessments, "IN_DIFFICULTY", List.of()).statusCode(400).body("violations.field", contains("causes"));
        assess(assessments, "IN_DIFFICULTY", List.of("ILLNESS")).statusCode(201).body("memberVersion", equalTo(2));
        assess(assessments, "LIFTED_OUT", List.of()).statusCode(201).body("memberVersion", equalTo(3));

        given().when().get(assessments).then().statusCode(200)
                .body("status", contains("IN_DIFFICULTY", "LIFTED_OUT"))
                .body("causes[0]", contains("ILLNESS"));
        given().when().get("/api/members/" + id).then().body("hardshipStatus", equalTo("LIFTED_OUT"));
    }

    @Test
    void refusesAChangeDatedBeforeTheMembersRegistrationNamingTheRule() {
        Map<String, Object> registration = Members.registration();
        registration.put("registeredOn", "2015-03-10");
        String id = Members.post(registration).statusCode(201).extract().path("id");
        String assessments = "/api/members/" + id + "/hardship-assessments";

        dated(assessments, Map.of("status", "IN_DIFFICULTY", "causes", List.of("ILLNESS"), "assessedOn", "2015-03-09"))
                .statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("before-registration"))
                .body("type", endsWith("/rule/before-registration"))
                .body("detail", equalTo("An assessment dated 2015-03-09 is before the member's registration on 2015-03-10"));
        dated("/api/members/" + id + "/transfer", Map.of("countyCode", "620722", "effectiveOn", "2015-01-01"))
                .statusCode(422).body("rule", equalTo("before-registration"));
        dated("/api/members/" + id + "/deregistration", Map.of("reason", "DECEASED", "effectiveOn", "2014-12-31"))
                .statusCode(422).body("rule", equalTo("before-registration"));
        dated(assessments, Map.of("status", "IN_DIFFICULTY", "causes", List.of("ILLNESS"), "assessedOn", "1999-12-31"))
                .statusCode(400).body("violations[0].field", equalTo("assessedOn"))
                .body("violations[0].message", startsWith("must fall within the programme's years, 2000 to "));
        given().when().get("/api/members/" + id).then().body("version", equalTo(1));

        dated(assessments, Map.of("status", "IN_DIFFICULTY", "causes", List.of("ILLNESS"), "assessedOn", "2015-03-10"))
                .statusCode(201).body("memberVersion", equalTo(2));
    }

    @Test
    void neverChangesTheRegistrationDateByUpdate() {
        String id = Members.register("620723");
        Map<String, Object> change = Members.registration();
        change.remove("nationalId");
        change.remove("countyCode");
        change.put("registeredOn", "2016-01-01");

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(400).body("violations.field", contains("registeredOn"));
        change.put("registeredOn", "2026-01-02");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(200).body("registeredOn", equalTo("2026-01-02"));
    }

    private static io.restassured.response.ValidatableResponse dated(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    @Test
    void transfersBetweenKnownCountiesOnly() {
        String id = Members.register("620702");

        transfer(id, "620799").statusCode(400).body("violations.field", contains("countyCode"));
        transfer(id, "620702").statusCode(409);
        transfer(id, "620722").statusCode(200).body("countyCode", equalTo("620722")).body("version", equalTo(2));
    }

    @Test
    void makesADeregisteredMemberReadOnly() {
        String id = Members.register("620725");

        given().contentType(ContentType.JSON).body(Map.of("reason", "DECEASED", "effectiveOn", "2026-01-05"))
                .when().post("/api/members/" + id + "/deregistration")
                .then().statusCode(200).body("registrationStatus", equalTo("DECEASED"))
                .body("deregisteredOn", equalTo("2026-01-05"));

        transfer(id, "620722").statusCode(409);
        assess("/api/members/" + id + "/hardship-assessments", "IN_DIFFICULTY", List.of("OLD_AGE")).statusCode(409);
        Map<String, Object> change = Members.registration();
        change.remove("nationalId");
        change.remove("countyCode");
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(409);
        given().when().get("/api/members/" + id).then().body("version", equalTo(2));
    }

    @Test
    void publishesExactlyOneEventPerStateChangeWithTheMemberVersionAsSequence() throws Exception {
        String id = Members.register("620721");
        assess("/api/members/" + id + "/hardship-assessments", "IN_DIFFICULTY", List.of("OLD_AGE")).statusCode(201);
        Map<String, Object> change = Members.registration();
        change.remove("nationalId");
        change.remove("countyCode");
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(change).when().put("/api/members/" + id)
                .then().statusCode(200);
        transfer(id, "620722").statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "TRANSFERRED_OUT", "effectiveOn", "2026-02-01"))
                .when().post("/api/members/" + id + "/deregistration").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicProbe.readAll("members.events").stream().filter(r -> id.equals(r.key())).toList(),
                        found -> found.size() >= 5);

        assertThat(events).hasSize(5);
        List<JsonNode> parsed = events.stream().map(r -> read(r.value())).toList();
        assertThat(parsed).extracting(e -> e.path("type").asText()).containsExactly(
                "memberaid.member.registered.v1", "memberaid.member.hardship-assessed.v1",
                "memberaid.member.updated.v1", "memberaid.member.transferred.v1", "memberaid.member.deregistered.v1");
        assertThat(parsed).extracting(e -> e.path("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        JsonNode transferred = parsed.get(3).path("data");
        assertThat(transferred.path("countyCode").asText()).isEqualTo("620722");
        assertThat(transferred.path("previousCountyCode").asText()).isEqualTo("620721");
        assertThat(parsed.get(4).path("data").path("registrationStatus").asText()).isEqualTo("TRANSFERRED_OUT");
        assertThat(parsed.get(4).path("data").path("effectiveOn").asText()).isEqualTo("2026-02-01");
        for (JsonNode event : parsed) {
            assertThat(event.path("data").has("nationalId")).isFalse();
            assertThat(event.path("data").has("phone")).isFalse();
            assertThat(event.path("data").has("name")).isFalse();
            assertThat(event.path("data").path("birthDate").asText()).isEqualTo("1970-01-01");
        }
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static io.restassured.response.ValidatableResponse assess(String path, String status, List<String> causes) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("status", status, "causes", causes, "assessedOn", "2026-03-01", "note", "入户核查"))
                .when().post(path).then();
    }

    private static io.restassured.response.ValidatableResponse transfer(String id, String county) {
        return given().contentType(ContentType.JSON).body(Map.of("countyCode", county, "effectiveOn", "2026-04-01"))
                .when().post("/api/members/" + id + "/transfer").then();
    }
}
