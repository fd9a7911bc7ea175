package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.database.DirectConnections;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.Replica;
import org.memberaid.relief.TopicProbe;
import org.memberaid.testing.TestTokens;

/**
 * Payment batches of county 620723: batched, exported, sent and reconciled. Before each test the
 * members of the county lose their payee details, so a batch takes only what the test itself
 * approved; each test pays from funds of a year no other test class uses.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PaymentBatchTest {

    private static final String COUNTY = "620723";
    private static final String CSV = "text/csv";
    private static final String HEADER = "reference,status,amount,bank_reference,date,reason\n";

    @Inject
    DirectConnections connections;

    @BeforeEach
    void onlyThisTestsPayees() throws Exception {
        TestTokens.actAs("clerk-l", "620000", Role.CASEWORKER, Role.ADMIN);
        try (Connection connection = connections.toServiceDatabase();
                PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM member_payee WHERE member_id IN
                            (SELECT member_id FROM disbursement WHERE county_code = ?)""")) {
            delete.setString(1, COUNTY);
            delete.executeUpdate();
        }
    }

    /** An approved disbursement of {@code amount} from {@code fund} to a new member of the county. */
    private static Approved approved(String fund, String amount, String date, String account) throws Exception {
        UUID member = Replica.known(Replica.Member.inDifficulty(COUNTY));
        if (account != null) {
            Replica.payee(member, account, "王秀英");
        }
        String id = DisbursementTest.request(UUID.randomUUID().toString(),
                DisbursementTest.body(member, fund, "HARDSHIP_RELIEF", amount, date)).log().ifValidationFails().statusCode(201)
                .extract().path("id");
        DisbursementTest.decide(id, "approval", "head-of-linze", Map.of()).statusCode(200);
        return new Approved(id, member, new BigDecimal(amount).setScale(2));
    }

    private record Approved(String id, UUID member, BigDecimal amount) {
    }

    private static ValidatableResponse create(String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("countyCode", COUNTY))
                .when().post("/api/payment-batches").then();
    }

    private static byte[] file(String batch) {
        return given().when().get("/api/payment-batches/" + batch + "/file").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=payment-batch-" + batch + ".csv")
                .extract().asByteArray();
    }

    private static ValidatableResponse send(String batch, String approver) {
        return given().header("Authorization", TestTokens.bearer(approver, "620000", Role.APPROVER))
                .contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/payment-batches/" + batch + "/sending").then();
    }

    private static ValidatableResponse reconcile(String batch, String csv) {
        return given().contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/payment-batches/" + batch + "/reconciliation").then();
    }

    /** A batch of everything payable in the county, exported and sent. */
    private static String sentBatch() {
        String batch = create(UUID.randomUUID().toString()).statusCode(201).extract().path("id");
        file(batch);
        send(batch, "head-of-linze").statusCode(200).body("status", equalTo("SENT"));
        return batch;
    }

    private static ValidatableResponse disbursement(String id) {
        return given().when().get("/api/disbursements/" + id).then().statusCode(200);
    }

    private static float approvedOf(String fund) {
        return given().when().get("/api/funds/" + fund).then().statusCode(200).extract().path("approved");
    }

    @Test
    void paysTheCountyThroughTheBankAndReconcilesEveryLine() throws Exception {
        String fund = DisbursementTest.fund(COUNTY, 2015, "SPECIAL_RELIEF", "500000");
        Approved first = approved(fund, "1200", "2015-03-01", "6222020200112233445");
        Approved second = approved(fund, "1800.50", "2015-03-02", "6228480012345678");
        Approved third = approved(fund, "1300", "2015-03-03", "621700123456789012");
        Approved unpayable = approved(fund, "1500", "2015-03-04", null);
        assertThat(approvedOf(fund)).isEqualTo(5800.5f);

        String key = UUID.randomUUID().toString();
        String batch = create(key).statusCode(201).header("Idempotent-Replayed", "false")
                .body("status", equalTo("DRAFT")).body("lines", equalTo(3)).body("total", equalTo(4300.5f))
                .body("withoutPayee", equalTo(1)).body("withoutPayeeTotal", equalTo(1500.0f))
                .body("createdBy", equalTo("clerk-l")).extract().path("id");
        create(key).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(batch));
        create(UUID.randomUUID().toString()).statusCode(422).body("rule", equalTo("nothing-to-pay"));
        given().queryParam("countyCode", COUNTY).when().get("/api/payment-batches/missing-payees").then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", contains(unpayable.id()));
        disbursement(first.id()).body("paymentBatchId", equalTo(batch)).body("status", equalTo("APPROVED"));
        DisbursementTest.decide(first.id(), "reversal", "head-of-linze", Map.of("reason", "重复发放"))
                .statusCode(409).body("type", endsWith("/in-payment-batch")).body("paymentBatchId", equalTo(batch));
        send(batch, "head-of-linze").statusCode(409).body("batchStatus", equalTo("DRAFT"));

        byte[] bytes = file(batch);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> rows = List.of(text.split("\r\n"));
        List<String> references = new ArrayList<>(List.of(first.id(), second.id(), third.id()));
        references.sort((a, b) -> UUID.fromString(a).compareTo(UUID.fromString(b)));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo("line,payee_name,account,amount,purpose,reference");
        assertThat(rows.get(1)).startsWith("1,王秀英,").endsWith(",HARDSHIP_RELIEF 2015," + references.get(0));
        assertThat(rows.get(3)).startsWith("3,王秀英,").endsWith(references.get(2));
        assertThat(text).contains(",6222020200112233445,1200.00,").contains(",6228480012345678,1800.50,")
                .contains(",621700123456789012,1300.00,");
        String body = text.substring(0, text.indexOf("CHECKSUM,"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get(4)).isEqualTo("CHECKSUM,3,4300.50," + sha256);
        assertThat(file(batch)).isEqualTo(bytes);
        given().when().get("/api/payment-batches/" + batch).then().statusCode(200)
                .body("status", equalTo("EXPORTED")).body("exportedBy", equalTo("clerk-l"))
                .body("fileSha256", equalTo(sha256)).body("withoutPayee", nullValue());

        send(batch, "clerk-l").statusCode(422).body("rule", equalTo("maker-checker"));
        int version = send(batch, "head-of-linze").statusCode(200).body("status", equalTo("SENT"))
                .body("sentBy", equalTo("head-of-linze")).extract().path("version");
        send(batch, "head-of-linze").statusCode(200).body("version", equalTo(version));
        given().contentType(ContentType.JSON).body(Map.of("reason", "错了")).when()
                .post("/api/payment-batches/" + batch + "/cancellation").then().statusCode(409)
                .body("batchStatus", equalTo("SENT"));

        String answer = HEADER
                + first.id() + ",PAID,1200.00,ICBC0001,2015-03-10,\n"
                + second.id() + ",FAILED,1800.5,ICBC0002,2015-03-10,账户已注销\n";
        reconcile(batch, answer).statusCode(200).body("paid", equalTo(1)).body("failed", equalTo(1))
                .body("unchanged", equalTo(0)).body("batch.status", equalTo("SENT"))
                .body("batch.paidTotal", equalTo(1200.0f)).body("batch.failedTotal", equalTo(1800.5f));
        disbursement(first.id()).body("status", equalTo("PAID"));
        disbursement(second.id()).body("status", equalTo("PAYMENT_FAILED"));
        assertThat(approvedOf(fund)).as("the failed payment's money is back in the fund").isEqualTo(4000.0f);

        int versionBefore = given().when().get("/api/payment-batches/" + batch).then().extract().path("version");
        reconcile(batch, answer).statusCode(200).body("paid", equalTo(0)).body("failed", equalTo(0))
                .body("unchanged", equalTo(2)).body("batch.version", equalTo(versionBefore));
        assertThat(approvedOf(fund)).isEqualTo(4000.0f);

        reconcile(batch, HEADER + third.id() + ",PAID,1300,ICBC0003,2015-03-11,\n").statusCode(200)
                .body("paid", equalTo(1)).body("batch.status", equalTo("RECONCILED")).body("batch.paid", equalTo(2))
                .body("batch.failed", equalTo(1));
        given().queryParam("outcome", "FAILED").when().get("/api/payment-batches/" + batch + "/lines").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].disbursementId", equalTo(second.id()))
                .body("items[0].bankAccount", equalTo("6228********5678"))
                .body("items[0].failureReason", equalTo("账户已注销"));
        assertThat(approvedOf(fund)).as("approved = APPROVED + PAID: 1200 + 1300 + 1500 unbatched").isEqualTo(4000.0f);

        List<String> types = TopicProbe.readAll("relief.events").stream()
                .filter(r -> r.value().contains(batch)).map(r -> r.value().replaceAll(".*\"type\":\"([^\"]+)\".*", "$1"))
                .toList();
        assertThat(types).contains("memberaid.payment-batch.created.v1", "memberaid.payment-batch.exported.v1",
                "memberaid.payment-batch.sent.v1", "memberaid.payment-batch.reconciled.v1",
                "memberaid.disbursement.paid.v1", "memberaid.disbursement.payment-failed.v1");
    }

    @Test
    void refusesAReconciliationFileWithEveryKindOfBadLineAndAppliesNothing() throws Exception {
        String fund = DisbursementTest.fund(COUNTY, 2016, "SPECIAL_RELIEF", "500000");
        Approved elsewhere = approved(fund, "1100", "2016-03-01", "6222020200112230001");
        String otherBatch = sentBatch();
        Approved paidBefore = approved(fund, "1200", "2016-03-02", "6222020200112230002");
        Approved a = approved(fund, "1300", "2016-03-03", "6222020200112230003");
        Approved b = approved(fund, "1400", "2016-03-04", "6222020200112230004");
        Approved c = approved(fund, "1500", "2016-03-05", "6222020200112230005");
        String batch = sentBatch();
        reconcile(batch, HEADER + paidBefore.id() + ",PAID,1200.00,B1,2016-03-10,\n").statusCode(200);
        float approved = approvedOf(fund);

        String tomorrow = LocalDate.now().plusDays(1).toString();
        String file = HEADER
                + a.id() + ",PAID,1300.00,B2\n"                                          // line 2: columns
                + a.id() + ",SETTLED,1300.00,B2,2016-03-10,\n"                           // 3: status
                + a.id() + ",PAID,three hundred,B2,2016-03-10,\n"                       // 4: amount
                + a.id() + ",PAID,1300.00,B2,10/03/2016,\n"                              // 5: date
                + UUID.randomUUID() + ",PAID,1300.00,B2,2016-03-10,\n"                   // 6: unknown
                + elsewhere.id() + ",PAID,1100.00,B2,2016-03-10,\n"                      // 7: other batch
                + a.id() + ",PAID,1300.00,B2,2016-03-10,\n"                              // 8: good
                + a.id() + ",PAID,1300.00,B2,2016-03-10,\n"                              // 9: duplicate
                + b.id() + ",PAID,1400.01,B3,2016-03-10,\n"                              // 10: amount differs
                + b.id() + "x,FAILED,1400.00,B3,2016-03-10,\n"                          // 11: unknown (not a uuid)
                + "\"" + c.id() + "\",FAILED,1500.00,B3,2016-03-10,\"\"\n"               // 12: reason required
                + paidBefore.id() + ",FAILED,1200.00,B4,2016-03-10,退回\n"               // 13: outcome conflicts
                + b.id() + ",PAID,1400.00,B3," + tomorrow + ",\n";                       // 14: duplicate of b (10)
        reconcile(batch, file).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/reconciliation-refused")).body("badLines", equalTo(12))
                .body("lines.line", contains(2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14))
                .body("lines.rule", contains("malformed-line", "malformed-line", "malformed-line", "malformed-line",
                        "unknown-reference", "reference-of-another-batch", "duplicate-reference", "amount-differs",
                        "unknown-reference", "reason-required", "outcome-conflicts", "duplicate-reference"))
                .body("lines[5].reference", equalTo(elsewhere.id()));
        reconcile(batch, HEADER + b.id() + ",PAID,1400.00,B3," + tomorrow + ",\n").statusCode(422)
                .body("lines.rule", contains("date-in-future"));
        reconcile(batch, "reference;status;amount\n").statusCode(422).body("lines.rule", contains("malformed-line"))
                .body("lines.line", contains(1));
        reconcile(batch, HEADER).statusCode(422).body("lines.rule", contains("malformed-line"));

        disbursement(a.id()).body("status", equalTo("APPROVED"));
        disbursement(b.id()).body("status", equalTo("APPROVED"));
        disbursement(paidBefore.id()).body("status", equalTo("PAID"));
        assertThat(approvedOf(fund)).isEqualTo(approved);
        given().when().get("/api/payment-batches/" + batch).then().body("paid", equalTo(1)).body("failed", equalTo(0));
        reconcile(otherBatch, HEADER + elsewhere.id() + ",PAID,1100,B0,2016-03-10,\n").statusCode(200)
                .body("batch.status", equalTo("RECONCILED"));
    }

    @Test
    void aCancelledBatchFreesItsDisbursementsAndGivesNoFile() throws Exception {
        String fund = DisbursementTest.fund(COUNTY, 2017, "SPECIAL_RELIEF", "500000");
        Approved one = approved(fund, "1600", "2017-03-01", "6222020200112239999");
        String batch = create(UUID.randomUUID().toString()).statusCode(201).extract().path("id");
        file(batch);
        given().contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/payment-batches/" + batch + "/cancellation").then().statusCode(400)
                .body("violations.field", contains("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "账号待核实")).when()
                .post("/api/payment-batches/" + batch + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("账号待核实"));
        given().when().get("/api/payment-batches/" + batch + "/file").then().statusCode(409)
                .body("batchStatus", equalTo("CANCELLED"));
        reconcile(batch, HEADER + one.id() + ",PAID,1600,X,2017-03-02,\n").statusCode(409);
        disbursement(one.id()).body("paymentBatchId", nullValue());

        String again = create(UUID.randomUUID().toString()).statusCode(201).body("lines", equalTo(1))
                .extract().path("id");
        reconcile(again, HEADER + one.id() + ",PAID,1600,X,2017-03-02,\n").statusCode(409)
                .body("batchStatus", equalTo("DRAFT"));
        given().queryParam("countyCode", COUNTY).queryParam("status", "CANCELLED").when()
                .get("/api/payment-batches").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(batch));
    }

    @Test
    void aFailedLivingSubsidyMayBeRequestedAgainAPaidOneMayNot() throws Exception {
        String fund = DisbursementTest.fund(COUNTY, 2013, "SPECIAL_RELIEF", "500000");
        UUID failing = Replica.known(Replica.Member.inDifficulty(COUNTY).with("NONE", "0", "1935-05-01"));
        UUID paying = Replica.known(Replica.Member.inDifficulty(COUNTY).with("NONE", "0", "1936-05-01"));
        Replica.payee(failing, "6222020200112230101", "李桂兰");
        Replica.payee(paying, "6222020200112230102", "张福");
        List<String> ids = new ArrayList<>();
        for (UUID member : List.of(failing, paying)) {
            String id = DisbursementTest.request(UUID.randomUUID().toString(),
                    DisbursementTest.body(member, fund, "LIVING_SUBSIDY", "500", "2013-03-01")).statusCode(201)
                    .extract().path("id");
            DisbursementTest.decide(id, "approval", "head-of-linze", Map.of()).statusCode(200);
            ids.add(id);
        }
        String batch = sentBatch();
        reconcile(batch, HEADER + ids.get(0) + ",FAILED,500,B1,2013-03-05,户名不符\n"
                + ids.get(1) + ",PAID,500,B2,2013-03-05,\n").statusCode(200);

        DisbursementTest.request(UUID.randomUUID().toString(),
                DisbursementTest.body(failing, fund, "LIVING_SUBSIDY", "500", "2013-04-01")).statusCode(201);
        DisbursementTest.request(UUID.randomUUID().toString(),
                DisbursementTest.body(paying, fund, "LIVING_SUBSIDY", "500", "2013-04-01")).statusCode(422)
                .body("rule", equalTo("living-subsidy-once-a-year"));
    }

    @Test
    void twoReconciliationsOfOneFileRefundTheFailedMoneyOnce() throws Exception {
        String fund = DisbursementTest.fund(COUNTY, 2019, "SPECIAL_RELIEF", "500000");
        List<Approved> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(approved(fund, "1250", "2019-03-0" + (i + 1), "62220202001122302" + i + "0"));
        }
        String batch = sentBatch();
        StringBuilder answer = new StringBuilder(HEADER);
        for (int i = 0; i < all.size(); i++) {
            answer.append(all.get(i).id()).append(i % 2 == 0 ? ",PAID,1250,B" : ",FAILED,1250,B").append(i)
                    .append(",2019-03-10,").append(i % 2 == 0 ? "" : "账户冻结").append('\n');
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", TestTokens.bearer("clerk-l", "620000", Role.CASEWORKER))
                            .contentType(CSV).body(answer.toString()).when()
                            .post("/api/payment-batches/" + batch + "/reconciliation").then().statusCode(200)
                            .extract().path("failed");
                }));
            }
            start.countDown();
            int failed = 0;
            for (Future<Integer> each : answers) {
                failed += each.get();
            }
            assertThat(failed).as("one reconciliation applied the failures, the other found them done").isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(approvedOf(fund)).isEqualTo(3750.0f);
        try (Connection connection = connections.toServiceDatabase();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FILTER (WHERE status = 'PAID'), count(*) FILTER (WHERE status = 'PAYMENT_FAILED'),
                               sum(amount) FILTER (WHERE status IN ('APPROVED', 'PAID')), f.approved
                        FROM disbursement d JOIN fund f ON f.id = d.fund_id WHERE d.fund_id = ?::uuid
                        GROUP BY f.approved""")) {
            query.setString(1, fund);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(3);
                assertThat(row.getInt(2)).isEqualTo(3);
                assertThat(row.getBigDecimal(3)).isEqualByComparingTo(row.getBigDecimal(4));
            }
        }
    }

    @Test
    void twoBatchesCreatedAtOnceNeverPayADisbursementTwice() throws Exception {
        String fund = DisbursementTest.fund(COUNTY, 2014, "SPECIAL_RELIEF", "500000");
        for (int i = 0; i < 5; i++) {
            approved(fund, "1000", "2014-03-0" + (i + 1), "62220202001122304" + i + "0");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", TestTokens.bearer("clerk-l", "620000", Role.CASEWORKER))
                            .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                            .body(Map.of("countyCode", COUNTY)).when().post("/api/payment-batches").then()
                            .extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> each : statuses) {
                answered.add(each.get());
            }
            assertThat(answered).containsExactlyInAnyOrder(201, 422);
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = connections.toServiceDatabase();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*), count(DISTINCT l.batch_id) FROM payment_line l
                        JOIN disbursement d ON d.id = l.disbursement_id WHERE d.fund_id = ?::uuid""")) {
            query.setString(1, fund);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(5);
                assertThat(row.getInt(2)).isEqualTo(1);
            }
        }
    }
}
