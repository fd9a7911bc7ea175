package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.Replica;
import org.memberaid.testing.TestTokens;

/**
 * The HTTP conventions of docs/http.md, as a client sees them on relief. Funds are this year's,
 * in Shandan (620725), which no other test of the class allocates.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HttpConventionsTest {

    private static final String REGION = "620000";
    private static final String SHANDAN = "620725";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @TestHTTPResource("/api/disbursements")
    URL disbursements;

    @BeforeEach
    void signIn() {
        TestTokens.actAs("clerk-a", REGION, Role.CASEWORKER, Role.ADMIN);
    }

    /** This year's special relief fund of Shandan, allocated by the first test that needs it. */
    private static String fund() {
        Response allocated = given().contentType(ContentType.JSON)
                .body(Map.of("countyCode", SHANDAN, "year", TODAY.getYear(), "kind", "SPECIAL_RELIEF",
                        "budget", "900000"))
                .when().post("/api/funds");
        return allocated.statusCode() == 201 ? allocated.path("id") : allocated.path("existingFundId");
    }

    private static Response requestRelief(UUID member, String fund) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(DisbursementTest.body(member, fund, "HARDSHIP_RELIEF", "1000", TODAY.toString()))
                .when().post("/api/disbursements");
    }

    @Test
    void followsEvery201LocationToTheResourceItCreated() {
        Response allocated = given().contentType(ContentType.JSON)
                .body(Map.of("countyCode", SHANDAN, "year", TODAY.getYear(), "kind", "STARTUP", "budget", "50000"))
                .when().post("/api/funds");
        allocated.then().statusCode(201);
        given().when().get(allocated.header("Location")).then().statusCode(200)
                .body("id", equalTo(allocated.path("id")));

        UUID member = Replica.known(Replica.Member.inDifficulty(SHANDAN));
        Response requested = requestRelief(member, fund());
        requested.then().statusCode(201);
        given().when().get(requested.header("Location")).then().statusCode(200)
                .body("id", equalTo(requested.path("id"))).body("status", equalTo("REQUESTED"));

        Response recorded = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("memberId", member.toString(), "kind", "MEDICAL_ASSISTANCE",
                        "providedOn", TODAY.toString(), "details", Map.of()))
                .when().post("/api/assistance");
        recorded.then().statusCode(201);
        String assistance = recorded.header("Location");
        assertThat(assistance).endsWith("/api/assistance/" + recorded.path("id"));
        given().when().get(assistance).then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(recorded.path("id"))).body("kind", equalTo("MEDICAL_ASSISTANCE"))
                .body("countyCode", equalTo(SHANDAN));
    }

    @Test
    void readsAnAssistanceRecordOnlyInTheCallersRegionAndRoles() {
        UUID member = Replica.known(Replica.Member.inDifficulty(SHANDAN));
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("memberId", member.toString(), "kind", "EDUCATION_ASSISTANCE",
                        "providedOn", TODAY.toString(), "details", Map.of()))
                .when().post("/api/assistance").then().statusCode(201).extract().path("id");
        String record = "/api/assistance/" + id;

        for (String reader : new String[] { Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR }) {
            TestTokens.as("reader", SHANDAN, reader).when().get(record).then().statusCode(200);
        }
        TestTokens.as("analyst", REGION, Role.ANALYST).when().get(record).then().statusCode(403);
        TestTokens.as("clerk-ganzhou", "620702", Role.CASEWORKER).when().get(record).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/assistance/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", "").when().get(record).then().statusCode(401);
    }

    @Test
    void answersAReadWhoseETagTheClientHasWith304UntilItChanges() {
        String fund = "/api/funds/" + fund();
        Response first = given().when().get(fund);
        String tag = first.header("ETag");
        first.then().statusCode(200).header("Cache-Control", "private, no-cache")
                .header("ETag", "\"" + first.path("version") + "\"");
        given().header("If-None-Match", tag).when().get(fund).then().statusCode(304).header("ETag", tag)
                .body(emptyString());

        given().contentType(ContentType.JSON).body(Map.of("budget", "950000")).when().patch(fund).then()
                .statusCode(200);
        given().header("If-None-Match", tag).when().get(fund).then().statusCode(200)
                .header("ETag", "\"" + ((Integer) first.path("version") + 1) + "\"");

        UUID member = Replica.known(Replica.Member.inDifficulty(SHANDAN));
        String disbursement = "/api/disbursements/" + requestRelief(member, fund.substring(fund.lastIndexOf('/') + 1))
                .then().statusCode(201).extract().path("id");
        given().header("If-None-Match", "\"1\"").when().get(disbursement).then().statusCode(304);
        DisbursementTest.decide(disbursement.substring(disbursement.lastIndexOf('/') + 1), "approval", "approver-1",
                Map.of()).statusCode(200);
        given().header("If-None-Match", "\"1\"").when().get(disbursement).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("APPROVED"));

        String policy = "/api/policies/620721";
        String policyTag = given().when().get(policy).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", policyTag).when().get(policy).then().statusCode(304);
    }

    @Test
    void saysWhenToAskAgainAboutAMemberNotReplicatedYet() {
        requestRelief(UUID.randomUUID(), fund()).then().statusCode(422).body("rule", equalTo("member-unknown"))
                .header("Retry-After", "1");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("memberId", UUID.randomUUID().toString(), "kind", "MEDICAL_ASSISTANCE",
                        "providedOn", TODAY.toString(), "details", Map.of()))
                .when().post("/api/assistance").then().statusCode(422).header("Retry-After", "1");
        // Other refusals are final: no Retry-After.
        UUID member = Replica.known(Replica.Member.inDifficulty(SHANDAN));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(DisbursementTest.body(member, fund(), "HARDSHIP_RELIEF", "99000", TODAY.toString()))
                .when().post("/api/disbursements").then().statusCode(422).body("rule", equalTo("amount-band"))
                .header("Retry-After", nullValue());
    }

    @Test
    void namesTheRoutesRealMethodsOnOptionsAnd405() {
        String fund = "/api/funds/" + fund();

        given().header("Authorization", "").when().options(fund).then().statusCode(204)
                .header("Allow", "GET, HEAD, OPTIONS, PATCH");
        given().when().delete(fund).then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, PATCH")
                .contentType("application/problem+json");
        given().when().options("/api/disbursements").then().header("Allow", "GET, HEAD, OPTIONS, POST");
        given().when().options("/api/disbursements/" + UUID.randomUUID() + "/approval").then().statusCode(204)
                .header("Allow", "OPTIONS, POST");
        given().when().get("/api/disbursements/" + UUID.randomUUID() + "/approval").then().statusCode(405)
                .header("Allow", "OPTIONS, POST");
        given().when().options("/api/policies/620721").then().header("Allow", "GET, HEAD, OPTIONS, PUT");
        given().when().post("/api/policies/620721").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, PUT");
        given().when().options("/api/assistance/" + UUID.randomUUID()).then().header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void refusesABodyWithoutAContentTypeButApprovesWithoutABody() throws Exception {
        UUID member = Replica.known(Replica.Member.inDifficulty(SHANDAN));
        String json = "{\"memberId\":\"" + member + "\",\"fundId\":\"" + fund() + "\",\"kind\":\"HARDSHIP_RELIEF\","
                + "\"amount\":\"1000\",\"disbursedOn\":\"" + TODAY + "\",\"reason\":\"因病致贫\"}";

        HttpResponse<String> untyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(disbursements.toURI())
                .header("Authorization", TestTokens.bearer("clerk-a", REGION, Role.CASEWORKER))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.body()).contains("application/json");
        given().queryParam("memberId", member.toString()).when().get("/api/disbursements").then()
                .body("total", equalTo(0));

        String id = requestRelief(member, fund()).then().statusCode(201).extract().path("id");
        HttpResponse<String> approved = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(disbursements.toURI().resolve("/api/disbursements/" + id + "/approval"))
                        .header("Authorization", TestTokens.bearer("approver-1", REGION, Role.APPROVER))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"APPROVED\"");
    }

    @Test
    void compressesAListOverAKilobyte() {
        UUID member = Replica.known(Replica.Member.inDifficulty(SHANDAN));
        String fund = fund();
        for (int i = 0; i < 3; i++) {
            requestRelief(member, fund).then().statusCode(201);
        }

        given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").queryParam("memberId", member.toString())
                .when().get("/api/disbursements").then().statusCode(200).header("Content-Encoding", "gzip")
                .header("Vary", containsString("Accept-Encoding"));
    }
}
