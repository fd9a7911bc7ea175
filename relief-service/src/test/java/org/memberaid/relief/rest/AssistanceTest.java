package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.Replica;
import org.memberaid.relief.TopicProbe;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AssistanceTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("minle-clerk-02", "620000", Role.CASEWORKER);
    }

    private static ValidatableResponse record(String key, UUID member, String kind, Map<String, Object> details) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("memberId", member.toString(), "kind", kind, "providedOn", "2026-08-12",
                        "details", details))
                .when().post("/api/assistance").then();
    }

    @Test
    void requiresTheDetailsEachKindNeeds() {
        UUID member = Replica.known(Replica.Member.inDifficulty("620722"));

        record(UUID.randomUUID().toString(), member, "SKILLS_TRAINING", Map.of()).statusCode(400)
                .body("violations.field", contains("details.skills"));
        record(UUID.randomUUID().toString(), member, "JOB_PLACEMENT", Map.of()).statusCode(400)
                .body("violations.field", contains("details.employer"));
        record(UUID.randomUUID().toString(), member, "PROJECT_RECOMMENDATION", Map.of()).statusCode(400)
                .body("violations.field", contains("details.projectName"));
        record(UUID.randomUUID().toString(), member, "PAIRING", Map.of("helperName", "李干部")).statusCode(400)
                .body("violations.field", containsInAnyOrder("details.helperId", "details.helperType"));
        record(UUID.randomUUID().toString(), UUID.randomUUID(), "MEDICAL_ASSISTANCE", Map.of()).statusCode(422)
                .body("rule", equalTo("member-unknown"));
        given().queryParams("memberId", member.toString()).when().get("/api/assistance").then().body("total", equalTo(0));
    }

    @Test
    void recordsWhatWasProvidedWithinTheProgrammesYearsNeverAheadOfToday() {
        UUID member = Replica.known(Replica.Member.inDifficulty("620722"));
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

        for (String providedOn : List.of(tomorrow.toString(), "1999-12-31")) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("memberId", member.toString(), "kind", "MEDICAL_ASSISTANCE", "providedOn", providedOn,
                            "details", Map.of()))
                    .when().post("/api/assistance").then().statusCode(400)
                    .body("violations.field", contains("providedOn"));
        }
        given().queryParams("memberId", member.toString()).when().get("/api/assistance").then().body("total", equalTo(0));
    }

    @Test
    void recordsOncePerKeyAndPublishesWhatReportingCounts() {
        UUID member = Replica.known(Replica.Member.inDifficulty("620722"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> pairing = Map.of("helperId", "cadre-0412", "helperName", "李干部", "helperType", "CADRE");

        String id = record(key, member, "PAIRING", pairing).statusCode(201).header("Idempotent-Replayed", "false")
                .body("countyCode", equalTo("620722")).extract().path("id");
        record(key, member, "PAIRING", pairing).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        record(UUID.randomUUID().toString(), member, "SKILLS_TRAINING", Map.of("skills", List.of("温室种植", "农机维修")))
                .statusCode(201).body("skills", contains("温室种植", "农机维修"));

        given().queryParams("memberId", member.toString()).when().get("/api/assistance").then()
                .body("total", equalTo(2)).body("items.kind", containsInAnyOrder("PAIRING", "SKILLS_TRAINING"));
        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicProbe.readAll("relief.events").stream()
                        .filter(r -> member.toString().equals(r.key())).toList(), found -> found.size() >= 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).value()).contains("\"type\":\"memberaid.assistance.recorded.v1\"")
                .contains("\"helperType\":\"CADRE\"").contains("\"helperId\":\"cadre-0412\"");
        assertThat(events.get(1).value()).contains("\"skillCount\":2");
    }
}
