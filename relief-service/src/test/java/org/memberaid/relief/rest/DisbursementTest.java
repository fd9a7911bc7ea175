package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.memberaid.relief.service.IdempotencyKeys;
import org.memberaid.testing.TestTokens;

/** Each test allocates funds for its own year, so tests do not share a budget. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DisbursementTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("clerk-a", "620000", Role.CASEWORKER, Role.ADMIN);
    }

    @Inject
    DirectConnections connections;

    static String fund(String county, int year, String kind, String budget) {
        return FundTest.allocate(county, year, kind, budget).statusCode(201).extract().path("id");
    }

    static Map<String, Object> body(UUID member, String fund, String kind, String amount, String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", member.toString());
        body.put("fundId", fund);
        body.put("kind", kind);
        body.put("amount", amount);
        body.put("disbursedOn", date);
        body.put("reason", "因病致贫");
        return body;
    }

    static ValidatableResponse request(String key, Map<String, Object> body) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.when().post("/api/disbursements").then();
    }

    /** The decision {@code action} taken by the approver {@code approver} of Gansu. */
    static ValidatableResponse decide(String id, String action, String approver, Map<String, String> body) {
        return given().header("Authorization", TestTokens.bearer(approver, "620000", Role.APPROVER))
                .contentType(ContentType.JSON).body(body).when().post("/api/disbursements/" + id + "/" + action).then();
    }

    @Test
    void answersARetriedRequestWithTheFirstAnswerAndCreatesNothing() {
        UUID member = Replica.known(Replica.Member.inDifficulty("620702"));
        String fund = fund("620702", 2001, "SPECIAL_RELIEF", "500000");
        Map<String, Object> body = body(member, fund, "HARDSHIP_RELIEF", "3000", "2001-03-01");
        String key = UUID.randomUUID().toString();

        request(null, body).statusCode(400).body("violations.field", contains("Idempotency-Key"));
        String id = request(key, body).statusCode(201).header("Idempotent-Replayed", "false")
                .body("status", equalTo("REQUESTED")).body("amount", equalTo(3000.0f)).extract().path("id");
        body.put("amount", "3000.00");
        request(key, body).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        body.put("amount", "2000.00");
        request(key, body).statusCode(422).body("rule", equalTo("idempotency-key-reused"));

        given().queryParams("memberId", member.toString()).when().get("/api/disbursements").then()
                .body("total", equalTo(1));
    }

    @Test
    void refusesASecondRequestWhileTheFirstIsProcessingAndRunsItOnceTheFirstDied() throws Exception {
        UUID member = Replica.known(Replica.Member.inDifficulty("620702"));
        String fund = fund("620702", 2005, "SPECIAL_RELIEF", "500000");
        Map<String, Object> body = body(member, fund, "HARDSHIP_RELIEF", "2000", "2005-03-01");
        String key = UUID.randomUUID().toString();

        // A first request with the key, still in its transaction: it holds the key's lock.
        try (Connection first = connections.toServiceDatabase()) {
            first.setAutoCommit(false);
            try (Statement statement = first.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtextextended('"
                        + IdempotencyKeys.scoped("disbursement", "clerk-a", key) + "', 0))");
            }
            request(key, body).statusCode(409).body("type", endsWith("/request-in-progress"));
            given().queryParams("memberId", member.toString()).when().get("/api/disbursements").then()
                    .body("total", equalTo(0));
            // It ends without committing anything (a rollback, as when it dies with its connection;
            // the rollback's answer, unlike a close, comes after the lock is released).
            first.rollback();
        }

        request(key, body).statusCode(201).header("Idempotent-Replayed", "false");
        request(key, body).statusCode(201).header("Idempotent-Replayed", "true");
        given().queryParams("memberId", member.toString()).when().get("/api/disbursements").then().body("total", equalTo(1));
    }

    @Test
    void createsOneDisbursementWhenRequestsWithTheSameKeyRace() throws Exception {
        UUID member = Replica.known(Replica.Member.inDifficulty("620702"));
        String fund = fund("620702", 2006, "SPECIAL_RELIEF", "500000");
        Map<String, Object> body = body(member, fund, "HARDSHIP_RELIEF", "2500", "2006-04-01");
        String key = UUID.randomUUID().toString();
        int racers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request(key, body).extract();
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(30, TimeUnit.SECONDS);
                // Each racer either got the one disbursement (first or replayed) or was told to retry.
                assertThat(response.statusCode()).isIn(201, 409);
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                }
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }

        request(key, body).statusCode(201).header("Idempotent-Replayed", "true");
        given().queryParams("memberId", member.toString()).when().get("/api/disbursements").then().body("total", equalTo(1));
    }

    @Test
    void refusesIneligibleRequestsNamingTheRule() {
        UUID poor = Replica.known(Replica.Member.inDifficulty("620721"));
        UUID notPoor = Replica.known(Replica.Member.inDifficulty("620721").notInDifficulty());
        String relief = fund("620721", 2002, "SPECIAL_RELIEF", "500000");
        String startup = fund("620721", 2002, "STARTUP", "100000");
        String otherCounty = fund("620722", 2002, "SPECIAL_RELIEF", "500000");

        refused(body(UUID.randomUUID(), relief, "HARDSHIP_RELIEF", "2000", "2002-01-10"), "member-unknown");
        refused(body(notPoor, relief, "HARDSHIP_RELIEF", "2000", "2002-01-10"), "hardship-required");
        refused(body(poor, relief, "HARDSHIP_RELIEF", "3000.01", "2002-01-10"), "amount-band");
        refused(body(poor, relief, "HARDSHIP_RELIEF", "999.99", "2002-01-10"), "amount-band");
        refused(body(poor, otherCounty, "HARDSHIP_RELIEF", "2000", "2002-01-10"), "member-county");
        refused(body(poor, startup, "HARDSHIP_RELIEF", "2000", "2002-01-10"), "fund-kind");
        refused(body(poor, relief, "HARDSHIP_RELIEF", "2000", "2003-01-10"), "fund-year");
        refused(body(poor, startup, "STARTUP_SUPPORT", "8000", "2002-01-10"), "startup-mechanism");
        refused(body(poor, relief, "HOLIDAY_VISIT", "500", "2002-01-10"), "holiday-visit");
        refused(body(poor, relief, "LIVING_SUBSIDY", "400", "2002-01-10"), "living-subsidy-age");
        Map<String, Object> withMechanism = body(poor, startup, "STARTUP_SUPPORT", "8000", "2002-01-10");
        withMechanism.put("mechanism", "PROJECT_DIRECT_SUBSIDY");
        withMechanism.put("projectName", "裕固族刺绣");
        request(UUID.randomUUID().toString(), withMechanism).statusCode(201).body("mechanism", equalTo("PROJECT_DIRECT_SUBSIDY"));
    }

    @Test
    void refusesADisbursementDatedMoreThanAMonthAheadOrOutsideTheProgrammesYears() {
        UUID member = Replica.known(Replica.Member.inDifficulty("620725"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate latest = today.plusDays(31);
        LocalDate tooLate = today.plusDays(32);
        Map<Integer, String> funds = new HashMap<>();
        for (LocalDate date : List.of(latest, tooLate)) {
            funds.computeIfAbsent(date.getYear(), year -> fund("620725", year, "SPECIAL_RELIEF", "500000"));
        }

        request(UUID.randomUUID().toString(), body(member, funds.get(tooLate.getYear()), "HARDSHIP_RELIEF", "2000",
                tooLate.toString())).statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("disbursement-date-ahead"))
                .body("detail", equalTo("A disbursement may be dated at most 31 days ahead, by " + latest
                        + "; this one is dated " + tooLate));
        request(UUID.randomUUID().toString(), body(member, funds.get(latest.getYear()), "HARDSHIP_RELIEF", "2000",
                latest.toString())).statusCode(201);
        request(UUID.randomUUID().toString(), body(member, funds.get(latest.getYear()), "HARDSHIP_RELIEF", "2000",
                "1999-12-31")).statusCode(400).body("violations.field", contains("disbursedOn"));
    }

    @Test
    void paysTheLivingSubsidyOnlyToTheOldWithoutLabourOrIncomeAndOnceAYear() {
        Replica.Member elderly = Replica.Member.inDifficulty("620723").with("NONE", "0.00", "1930-01-01");
        UUID member = Replica.known(elderly);
        UUID working = Replica.known(Replica.Member.inDifficulty("620723").with("PARTIAL", "0.00", "1930-01-01"));
        UUID earning = Replica.known(Replica.Member.inDifficulty("620723").with("NONE", "1200.00", "1930-01-01"));
        String relief = fund("620723", 2003, "SPECIAL_RELIEF", "500000");

        refused(body(working, relief, "LIVING_SUBSIDY", "400", "2003-05-01"), "living-subsidy-labor-capacity");
        refused(body(earning, relief, "LIVING_SUBSIDY", "400", "2003-05-01"), "living-subsidy-income");
        refused(body(member, relief, "LIVING_SUBSIDY", "501", "2003-05-01"), "amount-band");
        String first = request(UUID.randomUUID().toString(), body(member, relief, "LIVING_SUBSIDY", "500", "2003-05-01"))
                .statusCode(201).extract().path("id");
        refused(body(member, relief, "LIVING_SUBSIDY", "300", "2003-11-01"), "living-subsidy-once-a-year");

        // A rejected one does not count; an approved one does until it is reversed.
        decide(first, "rejection", "head-b", Map.of("reason", "wrong amount")).statusCode(200);
        String second = request(UUID.randomUUID().toString(), body(member, relief, "LIVING_SUBSIDY", "450", "2003-06-01"))
                .statusCode(201).extract().path("id");
        decide(second, "approval", "head-b", Map.of()).statusCode(200);
        refused(body(member, relief, "LIVING_SUBSIDY", "300", "2003-12-01"), "living-subsidy-once-a-year");
        decide(second, "reversal", "head-b", Map.of("reason", "paid in cash")).statusCode(200);
        request(UUID.randomUUID().toString(), body(member, relief, "LIVING_SUBSIDY", "400", "2003-12-01")).statusCode(201);
        refused(body(member, relief, "LIVING_SUBSIDY", "300", "2003-12-20"), "living-subsidy-once-a-year");
    }

    @Test
    void theDatabaseRefusesASecondLiveLivingSubsidyWhateverTheServiceChecked() throws Exception {
        UUID member = Replica.known(Replica.Member.inDifficulty("620723").with("NONE", "0.00", "1930-01-01"));
        String relief = fund("620723", 2007, "SPECIAL_RELIEF", "500000");
        request(UUID.randomUUID().toString(), body(member, relief, "LIVING_SUBSIDY", "500", "2007-05-01")).statusCode(201);

        String copy = """
                INSERT INTO disbursement (id, member_id, fund_id, county_code, kind, amount, disbursed_on, year,
                    requested_by, status, version, created_at, updated_at, living_subsidy_year)
                SELECT gen_random_uuid(), member_id, fund_id, county_code, kind, amount, disbursed_on, year,
                    requested_by, %s, version, created_at, updated_at, %s
                FROM disbursement WHERE member_id = '%s'""";
        try (Connection connection = connections.toServiceDatabase(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(copy.formatted("'REQUESTED'", "year", member)))
                    .hasMessageContaining("disbursement_one_living_subsidy_a_year");
            assertThatThrownBy(() -> statement.execute(copy.formatted("'APPROVED'", "NULL", member)))
                    .hasMessageContaining("disbursement_live_living_subsidy_has_year");
            assertThatThrownBy(() -> statement.execute(copy.formatted("'REJECTED'", "year", member)))
                    .hasMessageContaining("disbursement_living_subsidy_year_check");
            statement.execute(copy.formatted("'REJECTED'", "NULL", member));
        }
        given().queryParams("memberId", member.toString()).when().get("/api/disbursements").then()
                .body("total", equalTo(2));
    }

    @Test
    void movesMoneyOnlyThroughLegalTransitionsWithMakerChecker() {
        UUID member = Replica.known(Replica.Member.inDifficulty("620724"));
        String fund = fund("620724", 2004, "SPECIAL_RELIEF", "500000");
        String id = request(UUID.randomUUID().toString(), body(member, fund, "HARDSHIP_RELIEF", "3000", "2004-02-01"))
                .statusCode(201).extract().path("id");

        decide(id, "approval", "clerk-a", Map.of()).statusCode(422).body("rule", equalTo("maker-checker"));
        decide(id, "reversal", "head-b", Map.of("reason", "x")).statusCode(409);
        decide(id, "approval", "head-b", Map.of()).statusCode(200).body("status", equalTo("APPROVED"));
        given().when().get("/api/funds/" + fund).then().body("approved", equalTo(3000.0f)).body("remaining", equalTo(497000.0f));
        decide(id, "approval", "head-b", Map.of()).statusCode(409);
        decide(id, "rejection", "head-b", Map.of("reason", "late")).statusCode(409);
        decide(id, "reversal", "head-b", Map.of("reason", "paid twice by the bank")).statusCode(200)
                .body("status", equalTo("REVERSED"));
        given().when().get("/api/funds/" + fund).then().body("approved", equalTo(0.0f)).body("remaining", equalTo(500000.0f));

        String other = request(UUID.randomUUID().toString(), body(member, fund, "HARDSHIP_RELIEF", "1000", "2004-03-01"))
                .statusCode(201).extract().path("id");
        decide(other, "rejection", "head-b", Map.of("reason", "duplicate need")).statusCode(200)
                .body("status", equalTo("REJECTED"));
        decide(other, "approval", "head-b", Map.of()).statusCode(409);
    }

    private static void refused(Map<String, Object> body, String rule) {
        request(UUID.randomUUID().toString(), body).statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo(rule));
    }
}
