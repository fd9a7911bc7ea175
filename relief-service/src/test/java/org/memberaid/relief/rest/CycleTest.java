package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.database.DirectConnections;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.Replica;
import org.memberaid.testing.TestTokens;

/**
 * Programme cycles over county 620722, whose members each test sets up itself: an evaluation
 * decides every member of the county, so the members other test classes left there are removed
 * from relief's replica first. Each test pays from funds of a year no other test class pays in
 * (some list every disbursement of their year across Zhangye).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CycleTest {

    private static final String COUNTY = "620722";

    @Inject
    DirectConnections connections;

    @BeforeEach
    void aCountyOfItsOwn() throws Exception {
        TestTokens.actAs("clerk-c", "620000", Role.CASEWORKER, Role.ADMIN);
        try (Connection connection = connections.toServiceDatabase();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM member_replica WHERE county_code = ?")) {
            delete.setString(1, COUNTY);
            delete.executeUpdate();
        }
    }

    /** A member the living subsidy is for: in difficulty, 70 or older, no labour capacity, no income. */
    private static Replica.Member elder() {
        return Replica.Member.inDifficulty(COUNTY).with("NONE", "0", "1935-05-01");
    }

    static ValidatableResponse create(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/cycles").then();
    }

    static Map<String, Object> cycle(String fund, String kind, int year, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("countyCode", COUNTY);
        body.put("year", year);
        body.put("kind", kind);
        body.put("fundId", fund);
        body.put("name", year + "年度生活补贴");
        body.put("amount", amount);
        body.put("disbursedOn", year + "-12-01");
        return body;
    }

    static ValidatableResponse post(String path, String bearer, Map<String, ?> body) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (bearer != null) {
            spec.header("Authorization", bearer);
        }
        return spec.when().post(path).then();
    }

    private static String approver(String name) {
        return TestTokens.bearer(name, "620000", Role.APPROVER);
    }

    private static ValidatableResponse fund(String id) {
        return given().when().get("/api/funds/" + id).then().statusCode(200);
    }

    @Test
    void evaluatesTheCountyAndApprovesEveryEntitlementAtOnce() {
        List<UUID> elders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            elders.add(Replica.known(elder()));
        }
        Replica.known(Replica.Member.inDifficulty(COUNTY).with("NONE", "0", "1960-05-01"));
        Replica.known(Replica.Member.inDifficulty(COUNTY).with("NONE", "1200.00", "1935-05-01"));
        Replica.known(elder().deceased());
        UUID alreadyPaid = Replica.known(elder());
        String fund = DisbursementTest.fund(COUNTY, 2010, "SPECIAL_RELIEF", "500000");
        DisbursementTest.request(UUID.randomUUID().toString(),
                DisbursementTest.body(alreadyPaid, fund, "LIVING_SUBSIDY", "400", "2010-03-01")).statusCode(201);

        String key = UUID.randomUUID().toString();
        String id = create(key, cycle(fund, "LIVING_SUBSIDY", 2010, "500")).statusCode(201)
                .header("Idempotent-Replayed", "false").body("status", equalTo("DRAFT"))
                .body("evaluatedAt", nullValue()).body("createdBy", equalTo("clerk-c")).extract().path("id");
        create(key, cycle(fund, "LIVING_SUBSIDY", 2010, "500.00")).statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        post("/api/cycles/" + id + "/approval", approver("head-of-sunan"), Map.of()).statusCode(409)
                .body("type", endsWith("/cycle-not-evaluated"));

        post("/api/cycles/" + id + "/evaluation", null, Map.of()).statusCode(200)
                .body("entitlements", equalTo(3)).body("total", equalTo(1500.0f))
                .body("excluded.living-subsidy-age", equalTo(1))
                .body("excluded.living-subsidy-income", equalTo(1))
                .body("excluded.member-not-active", equalTo(1))
                .body("excluded.living-subsidy-once-a-year", equalTo(1));
        given().when().get("/api/cycles/" + id + "/entitlements").then().statusCode(200)
                .body("total", equalTo(3)).body("items.memberId", containsInAnyOrder(
                        elders.stream().map(UUID::toString).toArray()))
                .body("items.removed", contains(false, false, false));

        UUID removed = elders.get(0);
        post("/api/cycles/" + id + "/entitlements/" + removed + "/removal", null, Map.of()).statusCode(400)
                .body("violations.field", contains("reason"));
        post("/api/cycles/" + id + "/entitlements/" + removed + "/removal", null, Map.of("reason", "已由民政发放"))
                .statusCode(200).body("entitlements", equalTo(2)).body("total", equalTo(1000.0f));
        post("/api/cycles/" + id + "/entitlements/" + removed + "/removal", null, Map.of("reason", "again"))
                .statusCode(404);
        post("/api/cycles/" + id + "/evaluation", null, Map.of()).statusCode(200).body("entitlements", equalTo(2));
        given().queryParam("size", 10).when().get("/api/cycles/" + id + "/entitlements").then()
                .body("total", equalTo(3)).body("items.findAll { it.removed }.memberId", contains(removed.toString()))
                .body("items.findAll { it.removed }.removalReason", contains("已由民政发放"));

        post("/api/cycles/" + id + "/approval", TestTokens.bearer("clerk-c", "620000", Role.APPROVER), Map.of())
                .statusCode(422).body("rule", equalTo("maker-checker"));
        int version = post("/api/cycles/" + id + "/approval", approver("head-of-sunan"), Map.of()).statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("head-of-sunan"))
                .extract().path("version");
        fund(fund).body("approved", equalTo(1000.0f));
        given().queryParams("countyCode", COUNTY, "kind", "LIVING_SUBSIDY", "from", "2010-12-01", "to", "2010-12-01")
                .when().get("/api/disbursements").then().body("total", equalTo(2))
                .body("items.status", contains("APPROVED", "APPROVED"))
                .body("items.cycleId", contains(id, id))
                .body("items.requestedBy", contains("clerk-c", "clerk-c"))
                .body("items.memberId", containsInAnyOrder(elders.get(1).toString(), elders.get(2).toString()));

        // A retried approval answers the same and charges nothing; the cycle is closed to change.
        post("/api/cycles/" + id + "/approval", approver("head-of-sunan"), Map.of()).statusCode(200)
                .body("version", equalTo(version));
        fund(fund).body("approved", equalTo(1000.0f));
        post("/api/cycles/" + id + "/evaluation", null, Map.of()).statusCode(409)
                .body("type", endsWith("/illegal-transition")).body("cycleStatus", equalTo("APPROVED"));

        // The single request for an entitled member meets the rule it always did.
        DisbursementTest.request(UUID.randomUUID().toString(),
                DisbursementTest.body(elders.get(1), fund, "LIVING_SUBSIDY", "400", "2010-12-10")).statusCode(422)
                .body("rule", equalTo("living-subsidy-once-a-year"));
    }

    @Test
    void refusesAnApprovalTheFundCannotCoverAndChangesNothing() {
        Replica.known(Replica.Member.inDifficulty(COUNTY));
        Replica.known(Replica.Member.inDifficulty(COUNTY));
        String fund = DisbursementTest.fund(COUNTY, 2011, "STARTUP", "1000.00");
        Map<String, Object> body = cycle(fund, "STARTUP_SUPPORT", 2011, "600");
        body.put("mechanism", "PROJECT_DIRECT_SUBSIDY");
        String id = create(UUID.randomUUID().toString(), body).statusCode(201).extract().path("id");
        post("/api/cycles/" + id + "/evaluation", null, Map.of()).statusCode(200).body("entitlements", equalTo(2));

        post("/api/cycles/" + id + "/approval", approver("head-of-sunan"), Map.of()).statusCode(409)
                .body("type", endsWith("/insufficient-funds")).body("remaining", equalTo(1000.0f))
                .body("shortfall", equalTo(200.0f));
        given().when().get("/api/cycles/" + id).then().body("status", equalTo("DRAFT"));
        fund(fund).body("approved", equalTo(0.0f));
        given().queryParams("countyCode", COUNTY, "from", "2011-01-01", "to", "2011-12-31")
                .when().get("/api/disbursements").then().body("total", equalTo(0));
    }

    @Test
    void twoApproversRacingForOneCycleChargeTheFundOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            Replica.known(elder());
        }
        String fund = DisbursementTest.fund(COUNTY, 2025, "SPECIAL_RELIEF", "500000");
        String id = create(UUID.randomUUID().toString(), cycle(fund, "LIVING_SUBSIDY", 2025, "300")).statusCode(201)
                .extract().path("id");
        post("/api/cycles/" + id + "/evaluation", null, Map.of()).statusCode(200).body("entitlements", equalTo(5));

        ExecutorService approvers = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String name : List.of("head-of-sunan", "deputy-of-sunan")) {
                answers.add(approvers.submit(() -> {
                    start.await();
                    return post("/api/cycles/" + id + "/approval", approver(name), Map.of()).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            approvers.shutdownNow();
        }
        fund(fund).body("approved", equalTo(1500.0f));
        given().queryParams("countyCode", COUNTY, "from", "2025-01-01", "to", "2025-12-31")
                .when().get("/api/disbursements").then().body("total", equalTo(5));
    }

    @Test
    void refusesAnApprovalWhoseMembersChangedSinceTheEvaluation() {
        Replica.Member staying = elder();
        Replica.Member dying = elder();
        Replica.known(staying);
        Replica.known(dying);
        String fund = DisbursementTest.fund(COUNTY, 2013, "SPECIAL_RELIEF", "500000");
        String id = create(UUID.randomUUID().toString(), cycle(fund, "LIVING_SUBSIDY", 2013, "500")).statusCode(201)
                .extract().path("id");
        post("/api/cycles/" + id + "/evaluation", null, Map.of()).statusCode(200).body("entitlements", equalTo(2));
        Replica.changed(dying.deceased());

        post("/api/cycles/" + id + "/approval", approver("head-of-sunan"), Map.of()).statusCode(409)
                .body("type", endsWith("/cycle-stale")).body("noLongerEntitled", equalTo(1))
                .body("rules.member-not-active", equalTo(1));
        fund(fund).body("approved", equalTo(0.0f));

        post("/api/cycles/" + id + "/evaluation", null, Map.of()).statusCode(200).body("entitlements", equalTo(1))
                .body("excluded.member-not-active", equalTo(1));
        post("/api/cycles/" + id + "/approval", approver("head-of-sunan"), Map.of()).statusCode(200);
        fund(fund).body("approved", equalTo(500.0f));
    }

    @Test
    void refusesBadCyclesAndClosesRejectedAndCancelledOnes() {
        String fund = DisbursementTest.fund(COUNTY, 2014, "SPECIAL_RELIEF", "500000");
        String startup = DisbursementTest.fund(COUNTY, 2014, "STARTUP", "100000");

        create(UUID.randomUUID().toString(), Map.of()).statusCode(400).body("violations.field",
                hasItems("countyCode", "year", "kind", "fundId", "name", "amount"));
        given().contentType(ContentType.JSON).body(cycle(fund, "LIVING_SUBSIDY", 2014, "500")).when()
                .post("/api/cycles").then().statusCode(400).body("violations.field", contains("Idempotency-Key"));
        Map<String, Object> wrongDate = cycle(fund, "LIVING_SUBSIDY", 2014, "500");
        wrongDate.put("disbursedOn", "2013-12-01");
        create(UUID.randomUUID().toString(), wrongDate).statusCode(400)
                .body("violations.field", contains("disbursedOn"));
        create(UUID.randomUUID().toString(), cycle(fund, "LIVING_SUBSIDY", 2014, "800")).statusCode(422)
                .body("rule", equalTo("amount-band"));
        create(UUID.randomUUID().toString(), cycle(startup, "LIVING_SUBSIDY", 2014, "500")).statusCode(422)
                .body("rule", equalTo("fund-kind"));
        Map<String, Object> elsewhere = cycle(fund, "LIVING_SUBSIDY", 2014, "500");
        elsewhere.put("countyCode", "620723");
        create(UUID.randomUUID().toString(), elsewhere).statusCode(422).body("rule", equalTo("cycle-fund-county"));
        given().queryParams("countyCode", COUNTY, "year", 2014).when().get("/api/cycles").then()
                .body("total", equalTo(0));

        String rejected = create(UUID.randomUUID().toString(), cycle(fund, "HOLIDAY_VISIT", 2014, "800"))
                .statusCode(201).extract().path("id");
        post("/api/cycles/" + rejected + "/rejection", TestTokens.bearer("clerk-c", "620000", Role.APPROVER),
                Map.of("reason", "x")).statusCode(422).body("rule", equalTo("maker-checker"));
        post("/api/cycles/" + rejected + "/rejection", approver("head-of-sunan"), Map.of("reason", "春节名单未定"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("decisionReason", equalTo("春节名单未定"));
        post("/api/cycles/" + rejected + "/approval", approver("head-of-sunan"), Map.of()).statusCode(409)
                .body("cycleStatus", equalTo("REJECTED"));

        String cancelled = create(UUID.randomUUID().toString(), cycle(fund, "HOLIDAY_VISIT", 2014, "800"))
                .statusCode(201).extract().path("id");
        post("/api/cycles/" + cancelled + "/cancellation", null, Map.of("reason", "重复")).statusCode(200)
                .body("status", equalTo("CANCELLED"));
        post("/api/cycles/" + cancelled + "/evaluation", null, Map.of()).statusCode(409)
                .body("cycleStatus", equalTo("CANCELLED"));
        given().queryParams("countyCode", COUNTY, "year", 2014).when().get("/api/cycles").then()
                .body("total", equalTo(2)).body("items.status", containsInAnyOrder("REJECTED", "CANCELLED"));

        // Outside the caller's region a cycle does not exist.
        given().header("Authorization", TestTokens.bearer("clerk-x", "620100", Role.CASEWORKER))
                .when().get("/api/cycles/" + cancelled).then().statusCode(404);
    }
}
