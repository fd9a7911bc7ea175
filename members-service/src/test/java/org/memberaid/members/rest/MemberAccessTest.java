package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.memberaid.testing.TestTokens.as;
import static org.memberaid.testing.TestTokens.withToken;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.members.NationalIds;
import org.memberaid.members.TopicProbe;
import org.memberaid.testing.TestTokens;

/**
 * Who may do what in the registry: a valid token is required, each role does its own functions, and
 * members outside the caller's region do not exist for them; reveals and writes are audited.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MemberAccessTest {

    @Inject
    AgroalDataSource dataSource;

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/live", management = true)
    URL liveness;

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsEndpoint;

    private static final String GANZHOU = "620702";
    private static final String SUNAN = "620721";
    private static final String ZHANGYE = "620700";
    private static final String GANSU = "620000";
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-gansu", GANSU, Role.REGISTRAR);
    }



    @Test
    void refusesEveryRequestWithoutAValidTokenAsProblemJson() {
        for (RequestSpecification request : TestTokens.unauthenticated("registrar-1", GANZHOU, Role.REGISTRAR)) {
            request.when().get("/api/members").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401));
        }
        given().header("Authorization", "").contentType(ContentType.JSON).body(Members.registration())
                .when().post("/api/members").then().statusCode(401);
        given().header("Authorization", "").when().get("/api/regions").then().statusCode(401);
        given().header("Authorization", "").when().get(liveness).then().statusCode(200);
        // Health and metrics live on the management interface only, not beside the API.
        given().header("Authorization", "").when().get("/q/metrics").then().statusCode(404);
        given().header("Authorization", "").when().get("/q/health/live").then().statusCode(404);
    }

    @Test
    void refusesRolesOutsideTheirFunctions() {
        String id = Members.register(GANZHOU);
        for (String role : new String[] { Role.CASEWORKER, Role.APPROVER, Role.ANALYST, Role.ADMIN, Role.AUDITOR }) {
            as("someone", GANSU, role).contentType(ContentType.JSON).body(Members.registration())
                    .when().post("/api/members").then().statusCode(403).contentType("application/problem+json");
            as("someone", GANSU, role).contentType(ContentType.JSON).body(Map.of("status", "IN_DIFFICULTY",
                    "causes", new String[] { "ILLNESS" })).when().post("/api/members/" + id + "/hardship-assessments")
                    .then().statusCode(403);
            as("someone", GANSU, role).contentType("text/csv").body("nationalId\n").queryParam("dryRun", true)
                    .when().post("/api/members/import").then().statusCode(403);
        }
        as("analyst-1", GANSU, Role.ANALYST).when().get("/api/members/" + id).then().statusCode(403);
        as("analyst-1", GANSU, Role.ANALYST).when().get("/api/members").then().statusCode(403);
        for (String reader : new String[] { Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR }) {
            as("reader", GANSU, reader).when().get("/api/members/" + id).then().statusCode(200);
        }
    }

    @Test
    void aMemberOutsideTheCallersRegionDoesNotExistForThem() {
        String sunan = Members.register(SUNAN);
        String[] registrar = { Role.REGISTRAR };

        as("registrar-ganzhou", GANZHOU, registrar).when().get("/api/members/" + sunan).then().statusCode(404);
        as("registrar-ganzhou", GANZHOU, registrar).when().get("/api/members/" + sunan + "/hardship-assessments")
                .then().statusCode(404);
        as("registrar-ganzhou", GANZHOU, registrar).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_DIFFICULTY", "causes", new String[] { "ILLNESS" }, "assessedOn", TODAY))
                .when().post("/api/members/" + sunan + "/hardship-assessments").then().statusCode(404);
        as("registrar-ganzhou", GANZHOU, registrar).contentType(ContentType.JSON)
                .body(Map.of("countyCode", GANZHOU, "effectiveOn", TODAY))
                .when().post("/api/members/" + sunan + "/transfer").then().statusCode(404);
        as("registrar-ganzhou", GANZHOU, registrar).contentType(ContentType.JSON)
                .body(Map.of("reason", "DECEASED", "effectiveOn", TODAY))
                .when().post("/api/members/" + sunan + "/deregistration").then().statusCode(404);
        as("registrar-ganzhou", GANZHOU, registrar).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Members.registration()).when().put("/api/members/" + sunan).then().statusCode(404);
        as("registrar-ganzhou", GANZHOU, registrar).queryParam("countyCode", SUNAN).queryParam("size", 500)
                .when().get("/api/members").then().statusCode(200).body("total", equalTo(0));
        as("registrar-ganzhou", GANZHOU, registrar).queryParam("size", 500).when().get("/api/members").then()
                .statusCode(200).body("items.countyCode", everyItem(equalTo(GANZHOU)))
                .body("items.id", not(hasItem(sunan)));

        as("registrar-zhangye", ZHANGYE, registrar).when().get("/api/members/" + sunan).then().statusCode(200);
        as("registrar-sunan", SUNAN, registrar).when().get("/api/members/" + sunan).then().statusCode(200);
        as("registrar-sunan", SUNAN, registrar).queryParam("size", 500).when().get("/api/members").then()
                .body("items.countyCode", everyItem(equalTo(SUNAN))).body("items.id", hasItem(sunan));
    }

    @Test
    void refusesToRegisterInACountyOutsideTheCallersRegionNamingTheField() {
        Map<String, Object> body = Members.registration();
        body.put("countyCode", SUNAN);

        as("registrar-ganzhou", GANZHOU, Role.REGISTRAR).contentType(ContentType.JSON).body(body)
                .when().post("/api/members").then().statusCode(400)
                .body("violations.field", contains("countyCode"));
        given().queryParam("q", body.get("nationalId")).when().get("/api/members").then().body("total", equalTo(0));
    }

    @Test
    void refusesANationalIdRegisteredInAnotherRegionWithoutNamingItsHolder() {
        Map<String, Object> body = Members.registration();
        body.put("countyCode", SUNAN);
        Members.post(body).statusCode(201);
        body.put("countyCode", GANZHOU);

        as("registrar-ganzhou", GANZHOU, Role.REGISTRAR).contentType(ContentType.JSON).body(body)
                .when().post("/api/members").then().statusCode(409)
                .body("existingMemberId", nullValue())
                .body("detail", equalTo("This national ID is already registered in another region"));
        as("registrar-zhangye", ZHANGYE, Role.REGISTRAR).contentType(ContentType.JSON).body(body)
                .when().post("/api/members").then().statusCode(409)
                .body("existingMemberId", notNullValue());
    }

    @Test
    void anImportReportsRowsOutsideTheRegionAndDuplicatesElsewhereWithoutNamingTheirHolders() {
        Map<String, Object> registered = Members.registration();
        registered.put("countyCode", SUNAN);
        Members.post(registered).statusCode(201);
        String header = "nationalId,name,countyCode,joinedPartyOn,laborCapacity,annualIncome\n";
        String csv = header
                + NationalIds.next() + ",李桂芳," + GANZHOU + ",1990-07-01,FULL,2400\n"
                + NationalIds.next() + ",张爱莲," + SUNAN + ",1990-07-01,FULL,2400\n"
                + registered.get("nationalId") + ",王秀英," + GANZHOU + ",1990-07-01,FULL,2400\n";

        for (boolean dryRun : new boolean[] { true, false }) {
            as("registrar-ganzhou", GANZHOU, Role.REGISTRAR).contentType("text/csv; charset=UTF-8").body(csv)
                    .queryParam("dryRun", dryRun).when().post("/api/members/import").then().statusCode(200)
                    .body("received", equalTo(3)).body("imported", equalTo(1))
                    .body("rejected.line", contains(3, 4))
                    .body("rejected[0].violations[0].field", equalTo("countyCode"))
                    .body("rejected[1].violations[0].message", equalTo("is already registered in another region"));
        }
    }

    @Test
    void revealsNationalIdAndPhoneOnlyToARegistrarOrAdminOneMemberAtATimeAndAuditsIt() {
        Map<String, Object> body = Members.registration();
        String id = Members.post(body).statusCode(201)
                .body("nationalId", startsWith(GANZHOU + "********"))
                .body("phone", equalTo("139****0123"))
                .extract().path("id");

        as("caseworker-1", GANSU, Role.CASEWORKER).queryParam("reveal", "nationalId")
                .when().get("/api/members/" + id).then().statusCode(403);
        given().queryParam("reveal", "nationalId").when().get("/api/members").then().statusCode(400)
                .body("violations.field", contains("reveal"));
        given().queryParam("reveal", "income").when().get("/api/members/" + id).then().statusCode(400)
                .body("violations.field", contains("reveal"));
        as("admin-1", GANSU, Role.ADMIN).queryParam("reveal", "phone").when().get("/api/members/" + id).then()
                .statusCode(200).body("phone", equalTo("13909360123"))
                .body("nationalId", startsWith(GANZHOU + "********"));
        given().header("X-Request-Id", "reveal-check-1").queryParam("reveal", "nationalId,phone")
                .when().get("/api/members/" + id).then().statusCode(200)
                .header("X-Request-Id", equalTo("reveal-check-1"))
                .body("nationalId", equalTo(body.get("nationalId"))).body("phone", equalTo("13909360123"));

        audit(GANSU).queryParam("target", id).queryParam("action", "REVEAL").when().get("/api/audit").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items[0].actor", equalTo("registrar-gansu"))
                .body("items[0].action", equalTo("REVEAL nationalId,phone"))
                .body("items[0].requestId", equalTo("reveal-check-1"))
                .body("items[0].outcome", equalTo(200))
                .body("items[1].actor", equalTo("admin-1"));
    }

    @Test
    void auditsEveryWriteWithItsActorAndOutcomeIncludingRefusals() {
        String id = Members.register(GANZHOU);
        as("caseworker-1", GANZHOU, Role.CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("countyCode", SUNAN, "effectiveOn", TODAY)).when().post("/api/members/" + id + "/transfer").then().statusCode(403);
        as("registrar-sunan", SUNAN, Role.REGISTRAR).contentType(ContentType.JSON)
                .body(Map.of("countyCode", SUNAN, "effectiveOn", TODAY)).when().post("/api/members/" + id + "/transfer").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("countyCode", SUNAN, "effectiveOn", TODAY))
                .when().post("/api/members/" + id + "/transfer").then().statusCode(200);

        ValidatableResponse lines = audit(GANSU).queryParam("target", id).when().get("/api/audit").then()
                .statusCode(200).body("total", equalTo(4));
        lines.body("items.outcome", contains(200, 404, 403, 201))
                .body("items.actor", contains("registrar-gansu", "registrar-sunan", "caseworker-1", "registrar-gansu"))
                .body("items[0].action", equalTo("POST /api/members/{id}/transfer"))
                .body("items[3].action", equalTo("POST /api/members"))
                .body("items[1].region", equalTo(SUNAN))
                .body("items[2].roles", equalTo(Role.CASEWORKER));
        // A county's auditor sees the lines of that county's actors only.
        audit(SUNAN).queryParam("target", id).when().get("/api/audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].actor", equalTo("registrar-sunan"));
        as("registrar-1", GANSU, Role.REGISTRAR).when().get("/api/audit").then().statusCode(403);
    }

    @Test
    void aRegistrationsAuditLineCommitsWithTheMemberAndIsWrittenOnce() throws Exception {
        Map<String, Object> body = Members.registration();
        body.put("countyCode", GANZHOU);
        String id = given().header("X-Request-Id", "registration-line-" + body.get("nationalId"))
                .contentType(ContentType.JSON).body(body).when().post("/api/members").then().statusCode(201)
                .header("X-Request-Id", "registration-line-" + body.get("nationalId")).extract().path("id");
        given().header("X-Request-Id", "duplicate-line-" + body.get("nationalId")).contentType(ContentType.JSON)
                .body(body).when().post("/api/members").then().statusCode(409);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement lines = connection.prepareStatement("""
                        SELECT a.outcome, a.target, a.xmin::text = m.xmin::text AS with_member
                        FROM audit_record a LEFT JOIN member m ON m.id::text = a.target
                        WHERE a.request_id = ? OR a.request_id = ? ORDER BY a.id""")) {
            lines.setString(1, "registration-line-" + body.get("nationalId"));
            lines.setString(2, "duplicate-line-" + body.get("nationalId"));
            try (ResultSet rows = lines.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("outcome")).isEqualTo(201);
                assertThat(rows.getString("target")).isEqualTo(id);
                // one transaction wrote the member and its line: no answer without its line, no line without the member
                assertThat(rows.getBoolean("with_member")).isTrue();
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("outcome")).isEqualTo(409);
                assertThat(rows.getString("target")).isNull();
                assertThat(rows.next()).as("one line per request").isFalse();
            }
        }
    }

    @Test
    void eventsNameTheirActorAndCarryNoPersonalDataTheirConsumersDoNotRead() {
        Map<String, Object> body = Members.registration();
        String id = Members.post(body).statusCode(201).extract().path("id");
        as("registrar-ganzhou", GANZHOU, Role.REGISTRAR).contentType(ContentType.JSON)
                .body(Map.of("countyCode", SUNAN, "effectiveOn", TODAY))
                .when().post("/api/members/" + id + "/transfer").then().statusCode(200);

        List<String> events = await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readAll("members.events")
                .stream().filter(r -> id.equals(r.key())).map(r -> r.value()).toList(), found -> found.size() == 2);

        assertThat(events.get(0)).contains("\"actor\":\"registrar-gansu\"");
        assertThat(events.get(1)).contains("\"actor\":\"registrar-ganzhou\"");
        for (String event : events) {
            assertThat(event).doesNotContain((String) body.get("nationalId")).doesNotContain("13909360123")
                    .doesNotContain((String) body.get("name")).doesNotContain("\"gender\"")
                    .doesNotContain("\"ethnicity\"").doesNotContain("\"causes\"");
        }
    }

    @Test
    void verifiesAUsersTokenOnceAndTrustsItUntilItExpires() {
        String token = TestTokens.token("registrar-reuse", GANSU, Role.REGISTRAR);
        double before = reused();

        for (int i = 0; i < 5; i++) {
            withToken(token).when().get("/api/members/" + UUID.randomUUID()).then().statusCode(404);
        }

        assertThat(reused() - before).isGreaterThanOrEqualTo(4);
        withToken(TestTokens.expired("registrar-reuse", GANSU, Role.REGISTRAR)).when().get("/api/regions").then()
                .statusCode(401);
    }

    private double reused() {
        String metrics = given().when().get(metricsEndpoint).then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("memberaid_verified_tokens_reused_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static RequestSpecification audit(String region) {
        return as("auditor-" + region, region, Role.AUDITOR);
    }
}
