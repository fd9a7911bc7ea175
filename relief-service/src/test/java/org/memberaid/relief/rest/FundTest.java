package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.TopicProbe;
import org.memberaid.testing.TestTokens;

/** Each test uses its own year: funds are unique per county, year and kind across the run. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FundTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("admin-1", "620000", Role.ADMIN);
    }

    @Inject
    ObjectMapper json;

    static ValidatableResponse allocate(String county, int year, String kind, Object budget) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("countyCode", county, "year", year, "kind", kind, "budget", budget))
                .when().post("/api/funds").then();
    }

    @Test
    void allocatesAFundOncePerCountyYearAndKind() {
        String id = allocate("620702", 2015, "SPECIAL_RELIEF", "500000.00").statusCode(201)
                .body("budget", equalTo(500000.0f)).body("approved", equalTo(0.0f)).body("remaining", equalTo(500000.0f))
                .extract().path("id");

        allocate("620702", 2015, "SPECIAL_RELIEF", "600000").statusCode(409)
                .contentType("application/problem+json").body("existingFundId", equalTo(id));
        allocate("620702", 2015, "STARTUP", "6200000").statusCode(201);
        given().queryParams("countyCode", "620702", "year", 2015).when().get("/api/funds").then().statusCode(200)
                .body("total", equalTo(2)).body("items.kind", contains("SPECIAL_RELIEF", "STARTUP"));
    }

    @Test
    void refusesASpecialReliefFundBelowTheCountysFloor() {
        allocate("620721", 2016, "SPECIAL_RELIEF", "499999.99").statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("special-relief-floor"));
        allocate("620721", 2016, "STARTUP", "80000").statusCode(201);
    }

    @Test
    void refusesMalformedAllocationsNamingTheField() {
        allocate("620799", 2017, "SPECIAL_RELIEF", "500000").statusCode(400).body("violations.field", contains("countyCode"));
        allocate("620702", 2017, "SPECIAL_RELIEF", "500000.001").statusCode(400).body("violations.field", contains("budget"));
        allocate("620702", 1999, "SPECIAL_RELIEF", "500000").statusCode(400).body("violations.field", contains("year"));
        allocate("620702", 2017, "CHARITY", "500000").statusCode(400).body("violations.field", contains("kind"));
        given().queryParams("year", 2017).when().get("/api/funds").then().body("total", equalTo(0));
    }

    @Test
    void holdsTheProgrammesYearsFrom2000ToNextYearAndNamesTheRuleOutsideThem() {
        int nextYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        String rule = "must fall within the programme's years, 2000 to " + nextYear + " (rule programme-years)";

        allocate("620724", 2000, "STARTUP", "1000").statusCode(201);
        allocate("620724", nextYear, "STARTUP", "1000").statusCode(201);
        allocate("620724", nextYear + 1, "STARTUP", "1000").statusCode(400)
                .body("violations[0].field", equalTo("year")).body("violations[0].message", equalTo(rule));
        allocate("620724", 1999, "STARTUP", "1000").statusCode(400).body("violations[0].message", equalTo(rule));
        given().queryParams("year", nextYear + 1).when().get("/api/funds").then().statusCode(400)
                .body("violations[0].field", equalTo("year")).body("violations[0].message", equalTo(rule));
    }

    @Test
    void changesTheBudgetButNotBelowTheFloorAndPublishesBothEvents() throws Exception {
        String id = allocate("620723", 2018, "SPECIAL_RELIEF", "500000").statusCode(201).extract().path("id");

        patch(id, "800000.50").statusCode(200).body("budget", equalTo(800000.5f)).body("version", equalTo(2));
        patch(id, "400000").statusCode(422).body("rule", equalTo("special-relief-floor"));
        given().when().get("/api/funds/" + id).then().body("budget", equalTo(800000.5f));

        List<JsonNode> events = await().atMost(Duration.ofSeconds(60)).until(() -> TopicProbe.readAll("relief.events")
                .stream().filter(r -> id.equals(r.key())).map(r -> read(r.value())).toList(), found -> found.size() >= 2);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("memberaid.fund.allocated.v1", "memberaid.fund.budget-changed.v1");
        assertThat(events).extracting(e -> e.path("sequence").asLong()).containsExactly(1L, 2L);
        assertThat(events.get(1).path("data").path("previousBudget").decimalValue()).isEqualByComparingTo("500000");
        assertThat(events.get(1).path("data").path("countyCode").asText()).isEqualTo("620723");
    }

    @Test
    void answersAnUnknownFundWithProblemJson() {
        patch("00000000-0000-4000-8000-000000000000", "600000").statusCode(404).contentType("application/problem+json");
    }

    private static ValidatableResponse patch(String id, String budget) {
        return given().contentType(ContentType.JSON).body(Map.of("budget", budget)).when().patch("/api/funds/" + id).then();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
