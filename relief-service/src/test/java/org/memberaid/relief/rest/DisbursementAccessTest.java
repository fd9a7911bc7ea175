package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.memberaid.testing.TestTokens.as;
import static org.memberaid.testing.TestTokens.withToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.Replica;
import org.memberaid.relief.TopicProbe;
import org.memberaid.testing.TestTokens;

/**
 * Who may do what with relief's money: a valid token is required, each role does its own functions,
 * records outside the caller's region do not exist for them, actors come from the token only, nobody
 * decides on their own request, and every write is audited. Each test uses its own years (funds are
 * unique per county, year and kind across the run).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DisbursementAccessTest {

    @Inject
    AgroalDataSource dataSource;

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/live", management = true)
    URL liveness;

    private static final String GANZHOU = "620702";
    private static final String SUNAN = "620721";
    private static final String ZHANGYE = "620700";
    private static final String GANSU = "620000";

    @BeforeEach
    void signIn() {
        TestTokens.actAs("clerk-gansu", GANSU, Role.CASEWORKER, Role.ADMIN);
    }

    private final Map<String, Integer> yearOfFund = new HashMap<>();

    private String fund(String county, int year) {
        String fund = DisbursementTest.fund(county, year, "SPECIAL_RELIEF", "500000");
        yearOfFund.put(fund, year);
        return fund;
    }

    private String requested(RequestSpecification caller, UUID member, String fund, String key) {
        return request(caller, key, DisbursementTest.body(member, fund, "HARDSHIP_RELIEF", "2000",
                yearOfFund.get(fund) + "-03-01")).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse request(RequestSpecification caller, String key, Map<String, Object> body) {
        return caller.contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/disbursements").then();
    }

    private static ValidatableResponse decide(RequestSpecification caller, String id, String action,
            Map<String, ?> body) {
        return caller.contentType(ContentType.JSON).body(body).when()
                .post("/api/disbursements/" + id + "/" + action).then();
    }

    @Test
    void refusesEveryRequestWithoutAValidTokenAsProblemJson() {
        for (RequestSpecification request : TestTokens.unauthenticated("clerk-1", GANZHOU, Role.CASEWORKER)) {
            request.when().get("/api/disbursements").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401));
        }
        given().header("Authorization", "").contentType(ContentType.JSON).header("Idempotency-Key", "k")
                .body(Map.of()).when().post("/api/disbursements").then().statusCode(401);
        given().header("Authorization", "").when().get("/api/funds").then().statusCode(401);
        given().header("Authorization", "").when().get("/api/policies/" + GANZHOU).then().statusCode(401);
        given().header("Authorization", "").when().get("/api/assistance").then().statusCode(401);
        given().header("Authorization", "").when().get(liveness).then().statusCode(200);
    }

    @Test
    void refusesRolesOutsideTheirFunctions() {
        UUID member = Replica.known(Replica.Member.inDifficulty(GANZHOU));
        String fund = fund(GANZHOU, 2010);
        String id = requested(given(), member, fund, UUID.randomUUID().toString());
        Map<String, Object> body = DisbursementTest.body(member, fund, "HARDSHIP_RELIEF", "2000", "2010-03-01");
        Map<String, Object> assistance = Map.of("memberId", member.toString(), "kind", "MEDICAL_ASSISTANCE",
                "providedOn", "2010-03-01", "details", Map.of());
        Map<String, Object> newFund = Map.of("countyCode", GANZHOU, "year", 2011, "kind", "STARTUP", "budget", "1000");

        for (String role : new String[] { Role.APPROVER, Role.ADMIN, Role.ANALYST, Role.AUDITOR, Role.REGISTRAR }) {
            request(as("someone", GANSU, role), UUID.randomUUID().toString(), body).statusCode(403)
                    .contentType("application/problem+json");
            as("someone", GANSU, role).contentType(ContentType.JSON).header("Idempotency-Key", "a-" + role)
                    .body(assistance).when().post("/api/assistance").then().statusCode(403);
        }
        for (String role : new String[] { Role.CASEWORKER, Role.ADMIN, Role.ANALYST, Role.AUDITOR, Role.REGISTRAR }) {
            decide(as("someone", GANSU, role), id, "approval", Map.of()).statusCode(403);
            decide(as("someone", GANSU, role), id, "rejection", Map.of("reason", "no")).statusCode(403);
            decide(as("someone", GANSU, role), id, "reversal", Map.of("reason", "no")).statusCode(403);
        }
        for (String role : new String[] { Role.CASEWORKER, Role.APPROVER, Role.ANALYST, Role.AUDITOR,
                Role.REGISTRAR }) {
            as("someone", GANSU, role).contentType(ContentType.JSON).body(newFund).when().post("/api/funds")
                    .then().statusCode(403);
            as("someone", GANSU, role).contentType(ContentType.JSON).body(Map.of("budget", "600000"))
                    .when().patch("/api/funds/" + fund).then().statusCode(403);
            as("someone", GANSU, role).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of()).when().put("/api/policies/" + GANZHOU).then().statusCode(403);
        }
        for (String reads : new String[] { "/api/disbursements", "/api/disbursements/" + id, "/api/funds",
                "/api/funds/" + fund, "/api/assistance", "/api/policies/" + GANZHOU }) {
            for (String role : new String[] { Role.ANALYST, Role.REGISTRAR }) {
                as("someone", GANSU, role).when().get(reads).then().statusCode(403);
            }
            for (String reader : new String[] { Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR }) {
                as("reader", GANSU, reader).when().get(reads).then().statusCode(200);
            }
        }
        given().when().get("/api/disbursements/" + id).then().body("status", equalTo("REQUESTED"));
    }

    @Test
    void recordsOutsideTheCallersRegionDoNotExistForThem() {
        UUID ganzhouMember = Replica.known(Replica.Member.inDifficulty(GANZHOU));
        UUID sunanMember = Replica.known(Replica.Member.inDifficulty(SUNAN));
        String ganzhouFund = fund(GANZHOU, 2012);
        String sunanFund = fund(SUNAN, 2012);
        String inGanzhou = requested(given(), ganzhouMember, ganzhouFund, UUID.randomUUID().toString());
        String inSunan = requested(given(), sunanMember, sunanFund, UUID.randomUUID().toString());

        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).when().get("/api/disbursements/" + inSunan).then()
                .statusCode(404).contentType("application/problem+json");
        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).queryParam("memberId", sunanMember.toString())
                .when().get("/api/disbursements").then().statusCode(200).body("total", equalTo(0));
        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).queryParams("countyCode", SUNAN, "size", 500)
                .when().get("/api/disbursements").then().statusCode(200).body("total", equalTo(0));
        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).queryParams("from", "2012-01-01", "to", "2012-12-31")
                .when().get("/api/disbursements").then().statusCode(200).body("total", equalTo(1))
                .body("items.id", contains(inGanzhou));
        as("clerk-zhangye", ZHANGYE, Role.CASEWORKER).queryParams("from", "2012-01-01", "to", "2012-12-31")
                .when().get("/api/disbursements").then().statusCode(200).body("total", equalTo(2));
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), inSunan, "approval", Map.of()).statusCode(404);
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), inSunan, "rejection", Map.of("reason", "x")).statusCode(404);
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), inSunan, "reversal", Map.of("reason", "x")).statusCode(404);
        given().when().get("/api/disbursements/" + inSunan).then().body("status", equalTo("REQUESTED"));

        // Funds, policies and members of another county: as if there were none.
        as("admin-ganzhou", GANZHOU, Role.ADMIN).when().get("/api/funds/" + sunanFund).then().statusCode(404);
        as("admin-ganzhou", GANZHOU, Role.ADMIN).contentType(ContentType.JSON).body(Map.of("budget", "600000"))
                .when().patch("/api/funds/" + sunanFund).then().statusCode(404);
        as("admin-ganzhou", GANZHOU, Role.ADMIN).queryParams("year", 2012).when().get("/api/funds").then()
                .statusCode(200).body("total", equalTo(1)).body("items.countyCode", everyItem(equalTo(GANZHOU)));
        as("admin-ganzhou", GANZHOU, Role.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("countyCode", SUNAN, "year", 2013, "kind", "STARTUP", "budget", "1000"))
                .when().post("/api/funds").then().statusCode(400).body("violations.field", contains("countyCode"));
        as("admin-ganzhou", GANZHOU, Role.ADMIN).when().get("/api/policies/" + SUNAN).then().statusCode(404);
        as("admin-ganzhou", GANZHOU, Role.ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of()).when().put("/api/policies/" + SUNAN).then().statusCode(404);
        request(as("clerk-ganzhou", GANZHOU, Role.CASEWORKER), UUID.randomUUID().toString(),
                DisbursementTest.body(sunanMember, ganzhouFund, "HARDSHIP_RELIEF", "2000", "2012-04-01"))
                .statusCode(422).body("rule", equalTo("member-unknown"));
        request(as("clerk-ganzhou", GANZHOU, Role.CASEWORKER), UUID.randomUUID().toString(),
                DisbursementTest.body(ganzhouMember, sunanFund, "HARDSHIP_RELIEF", "2000", "2012-04-01"))
                .statusCode(422).body("rule", equalTo("fund-unknown"));
        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("memberId", sunanMember.toString(), "kind", "MEDICAL_ASSISTANCE", "providedOn",
                        "2012-03-01", "details", Map.of()))
                .when().post("/api/assistance").then().statusCode(422).body("rule", equalTo("member-unknown"));
        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).queryParam("memberId", sunanMember.toString())
                .when().get("/api/assistance").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void takesActorsFromTheTokenAndRefusesThemInBodies() {
        UUID member = Replica.known(Replica.Member.inDifficulty(GANZHOU));
        String fund = fund(GANZHOU, 2014);
        Map<String, Object> body = new HashMap<>(DisbursementTest.body(member, fund, "HARDSHIP_RELIEF", "2000",
                "2014-03-01"));
        body.put("requestedBy", "someone-else");
        request(given(), UUID.randomUUID().toString(), body).statusCode(400)
                .body("violations.field", contains("requestedBy"));
        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("memberId", member.toString(), "kind", "MEDICAL_ASSISTANCE", "providedOn", "2014-03-01",
                        "details", Map.of(), "recordedBy", "someone-else"))
                .when().post("/api/assistance").then().statusCode(400).body("violations.field", contains("recordedBy"));

        String id = requested(as("clerk-ganzhou", GANZHOU, Role.CASEWORKER), member, fund, UUID.randomUUID().toString());
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), id, "approval", Map.of("approvedBy", "someone-else"))
                .statusCode(400).body("violations.field", contains("approvedBy"));
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), id, "rejection",
                Map.of("rejectedBy", "someone-else", "reason", "x")).statusCode(400)
                .body("violations.field", contains("rejectedBy"));
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), id, "approval", Map.of()).statusCode(200)
                .body("requestedBy", equalTo("clerk-ganzhou")).body("decidedBy", equalTo("head-ganzhou"));
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), id, "reversal",
                Map.of("reversedBy", "someone-else", "reason", "x")).statusCode(400)
                .body("violations.field", contains("reversedBy"));
        as("head-ganzhou", GANZHOU, Role.APPROVER).contentType(ContentType.JSON)
                .post("/api/disbursements/" + id + "/reversal").then().statusCode(400);
        decide(as("head-2", GANZHOU, Role.APPROVER), id, "reversal", Map.of("reason", "paid in cash"))
                .statusCode(200).body("reversedBy", equalTo("head-2"));

        // Each event names the actor of its change (CloudEvents extension attribute "actor").
        List<String> actors = await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readAll("relief.events")
                .stream().filter(r -> r.value().contains(id)).map(r -> actorOf(r.value())).toList(),
                found -> found.size() == 3);
        assertThat(actors).containsExactly("clerk-ganzhou", "head-ganzhou", "head-2");
    }

    private static String actorOf(String event) {
        try {
            return new ObjectMapper().readTree(event).path("actor").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nobodyApprovesRejectsOrReversesTheirOwnRequest() {
        UUID member = Replica.known(Replica.Member.inDifficulty(GANZHOU));
        String fund = fund(GANZHOU, 2019);
        String[] both = { Role.CASEWORKER, Role.APPROVER };
        String id = requested(as("maker-1", GANZHOU, both), member, fund, UUID.randomUUID().toString());

        decide(as("maker-1", GANZHOU, both), id, "approval", Map.of()).statusCode(422)
                .body("rule", equalTo("maker-checker"));
        decide(as("maker-1", GANZHOU, both), id, "rejection", Map.of("reason", "mine")).statusCode(422)
                .body("rule", equalTo("maker-checker"));
        decide(as("checker-1", GANZHOU, both), id, "approval", Map.of()).statusCode(200);
        decide(as("maker-1", GANZHOU, both), id, "reversal", Map.of("reason", "mine")).statusCode(422)
                .body("rule", equalTo("maker-checker"));
        given().when().get("/api/disbursements/" + id).then().body("status", equalTo("APPROVED"));
    }

    @Test
    void keepsEachCallersIdempotencyKeysApart() {
        UUID member = Replica.known(Replica.Member.inDifficulty(GANZHOU));
        String fund = fund(GANZHOU, 2021);
        String key = "the-same-key-" + UUID.randomUUID();

        String first = requested(as("clerk-1", GANZHOU, Role.CASEWORKER), member, fund, key);
        String second = requested(as("clerk-2", GANZHOU, Role.CASEWORKER), member, fund, key);

        given().queryParams("memberId", member.toString()).when().get("/api/disbursements").then()
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(first, second));
        request(as("clerk-1", GANZHOU, Role.CASEWORKER), key,
                DisbursementTest.body(member, fund, "HARDSHIP_RELIEF", "2000", "2021-03-01"))
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .body("requestedBy", equalTo("clerk-1"));
    }

    @Test
    void approvalRechecksTheMembersEligibilityAsItIsThen() {
        Replica.Member alive = Replica.Member.inDifficulty(GANZHOU);
        UUID member = Replica.known(alive);
        String fund = fund(GANZHOU, 2022);
        String id = requested(given(), member, fund, UUID.randomUUID().toString());

        Replica.changed(alive.deceased());

        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), id, "approval", Map.of()).statusCode(422)
                .body("rule", equalTo("member-not-active"));
        given().when().get("/api/funds/" + fund).then().body("approved", equalTo(0.0f));
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), id, "rejection", Map.of("reason", "deceased"))
                .statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void auditsEveryWriteWithItsActorAndOutcomeIncludingRefusals() {
        UUID member = Replica.known(Replica.Member.inDifficulty(GANZHOU));
        String fund = fund(GANZHOU, 2023);
        String id = requested(as("clerk-ganzhou", GANZHOU, Role.CASEWORKER), member, fund,
                UUID.randomUUID().toString());
        decide(as("clerk-ganzhou", GANZHOU, Role.CASEWORKER), id, "approval", Map.of()).statusCode(403);
        decide(as("head-sunan", SUNAN, Role.APPROVER), id, "approval", Map.of()).statusCode(404);
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER), id, "approval", Map.of()).statusCode(200);

        as("auditor-gansu", GANSU, Role.AUDITOR).queryParam("target", id).when().get("/api/audit").then()
                .statusCode(200).body("total", equalTo(4))
                .body("items.outcome", contains(200, 404, 403, 201))
                .body("items.actor", contains("head-ganzhou", "head-sunan", "clerk-ganzhou", "clerk-ganzhou"))
                .body("items[0].action", equalTo("POST /api/disbursements/{id}/approval"))
                .body("items[3].action", equalTo("POST /api/disbursements"))
                .body("items[2].roles", equalTo(Role.CASEWORKER))
                .body("items[1].region", equalTo(SUNAN));
        as("clerk-ganzhou", GANZHOU, Role.CASEWORKER).when().get("/api/audit").then().statusCode(403);
        as("auditor-gansu", GANSU, Role.AUDITOR).queryParam("target", id).when().get("/api/audit").then()
                .body("items.action", not(hasItem(startsWith("GET"))));
    }

    @Test
    void aDecisionsAuditLineCommitsWithTheDecisionAndIsWrittenOnce() throws Exception {
        UUID member = Replica.known(Replica.Member.inDifficulty(GANZHOU));
        String fund = fund(GANZHOU, 2024);
        RequestSpecification both = as("clerk-and-head-ganzhou", GANZHOU, Role.CASEWORKER, Role.APPROVER);
        String id = requested(both, member, fund, UUID.randomUUID().toString());
        decide(as("clerk-and-head-ganzhou", GANZHOU, Role.CASEWORKER, Role.APPROVER).header("X-Request-Id",
                "own-approval-" + id), id, "approval", Map.of()).statusCode(422).body("rule", equalTo("maker-checker"));
        decide(as("head-ganzhou", GANZHOU, Role.APPROVER).header("X-Request-Id", "approval-" + id), id, "approval",
                Map.of()).statusCode(200);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement lines = connection.prepareStatement("""
                        SELECT a.outcome, a.target, a.xmin::text = d.xmin::text AS with_decision
                        FROM audit_record a JOIN disbursement d ON d.id::text = a.target
                        WHERE a.request_id IN (?, ?) ORDER BY a.id""")) {
            lines.setString(1, "own-approval-" + id);
            lines.setString(2, "approval-" + id);
            try (ResultSet rows = lines.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("outcome")).isEqualTo(422);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("outcome")).isEqualTo(200);
                assertThat(rows.getString("target")).isEqualTo(id);
                // the approval, the fund's charge and the line: one transaction
                assertThat(rows.getBoolean("with_decision")).isTrue();
                assertThat(rows.next()).as("one line per request").isFalse();
            }
        }
    }
}
