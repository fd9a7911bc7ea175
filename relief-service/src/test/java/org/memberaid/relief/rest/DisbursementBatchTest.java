package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.database.DirectConnections;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.Replica;
import org.memberaid.relief.service.DisbursementWriters;
import org.memberaid.testing.TestTokens;

/**
 * Requests and approvals that arrive together are written in one transaction: each writer is held
 * on a first request while the others queue, in a known order, then all go at once. Each must get
 * the answer it would have got alone, after the ones queued before it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DisbursementBatchTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("clerk-a", "620000", Role.CASEWORKER, Role.ADMIN);
    }

    private static final String APPROVER = "head-of-minle";

    @Inject
    DirectConnections connections;

    @Inject
    DisbursementWriters writers;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void decidesEachRequestOfABatchAsIfTheEarlierOnesHadCommitted() throws Exception {
        UUID poor = Replica.known(Replica.Member.inDifficulty("620724"));
        UUID elderly = Replica.known(Replica.Member.inDifficulty("620724").with("NONE", "0.00", "1930-01-01"));
        UUID other = Replica.known(Replica.Member.inDifficulty("620724"));
        String fund = DisbursementTest.fund("620724", 2008, "SPECIAL_RELIEF", "500000");
        String key = UUID.randomUUID().toString();
        var first = DisbursementTest.body(poor, fund, "HARDSHIP_RELIEF", "3000", "2008-02-01");
        List<Callable<ExtractableResponse<Response>>> queued = new ArrayList<>(List.of(
                () -> DisbursementTest.request(key, first).extract(),
                () -> DisbursementTest.request(key, first).extract(),
                () -> DisbursementTest.request(key, DisbursementTest.body(poor, fund, "HARDSHIP_RELIEF", "2000",
                        "2008-02-01")).extract(),
                () -> DisbursementTest.request(UUID.randomUUID().toString(), DisbursementTest.body(elderly, fund,
                        "LIVING_SUBSIDY", "400", "2008-05-01")).extract(),
                () -> DisbursementTest.request(UUID.randomUUID().toString(), DisbursementTest.body(elderly, fund,
                        "LIVING_SUBSIDY", "300", "2008-08-01")).extract(),
                () -> DisbursementTest.request(UUID.randomUUID().toString(), DisbursementTest.body(UUID.randomUUID(),
                        fund, "HARDSHIP_RELIEF", "1000", "2008-02-01")).extract(),
                () -> DisbursementTest.request(UUID.randomUUID().toString(), DisbursementTest.body(poor, fund,
                        "HARDSHIP_RELIEF", "5000", "2008-02-01")).extract()));
        for (int i = 0; i < 8; i++) {
            queued.add(() -> DisbursementTest.request(UUID.randomUUID().toString(), DisbursementTest.body(poor, fund,
                    "HARDSHIP_RELIEF", "1000", "2008-03-01")).extract());
        }

        List<ExtractableResponse<Response>> answers;
        // A reader of the idempotency keys waits while this lock is held: so does each writer's first batch.
        try (Connection holder = connections.toServiceDatabase()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE idempotency_key IN ACCESS EXCLUSIVE MODE");
            }
            holdEveryWriter(() -> DisbursementTest.request(UUID.randomUUID().toString(), DisbursementTest.body(other,
                    fund, "HARDSHIP_RELIEF", "1000", "2008-01-01")).extract());
            List<Future<ExtractableResponse<Response>>> pending = queueInOrder(queued, writers::waitingRequests);
            holder.rollback();
            answers = answers(pending);
        }

        String created = answers.get(0).path("id");
        assertThat(answers).extracting(ExtractableResponse::statusCode)
                .containsExactly(201, 201, 422, 201, 422, 422, 422, 201, 201, 201, 201, 201, 201, 201, 201);
        assertThat(answers.get(0).header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(answers.get(1).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(answers.get(1).<String>path("id")).isEqualTo(created);
        assertThat(answers.subList(2, 7)).extracting(answer -> answer.<String>path("rule")).containsExactly(
                "idempotency-key-reused", null, "living-subsidy-once-a-year", "member-unknown", "amount-band");
        List<String> ids = new ArrayList<>();
        for (int i : new int[] {0, 3, 7, 8, 9, 10, 11, 12, 13, 14}) {
            ids.add(answers.get(i).path("id"));
        }
        assertThat(transactionsThatWrote("disbursement", ids)).isEqualTo(1);
        given().queryParams("memberId", poor.toString()).when().get("/api/disbursements").then().body("total", equalTo(9));
        given().queryParams("memberId", elderly.toString()).when().get("/api/disbursements").then()
                .body("total", equalTo(1));
    }

    @Test
    void approvesABatchAgainstTheFundsItHoldsChargingEachFundOnce() throws Exception {
        UUID worker = Replica.known(Replica.Member.inDifficulty("620725"));
        String startup = DisbursementTest.fund("620725", 2008, "STARTUP", "100000");
        String relief = DisbursementTest.fund("620725", 2008, "SPECIAL_RELIEF", "500000");
        List<String> startups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var body = DisbursementTest.body(worker, startup, "STARTUP_SUPPORT", "30000", "2008-04-01");
            body.put("mechanism", "LOAN_INTEREST_SUBSIDY");
            startups.add(DisbursementTest.request(UUID.randomUUID().toString(), body).statusCode(201).extract().path("id"));
        }
        String hardship = requested(worker, relief, "2000");
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < writers.writerCount(); i++) {
            holders.add(requested(worker, relief, "1000"));
        }
        List<Callable<ExtractableResponse<Response>>> queued = List.of(
                () -> approve(startups.get(0), APPROVER),
                () -> approve(startups.get(1), APPROVER),
                () -> approve(startups.get(2), APPROVER),
                () -> approve(startups.get(3), APPROVER),
                () -> approve(startups.get(0), APPROVER),
                () -> approve(hardship, "clerk-a"),
                () -> approve(UUID.randomUUID().toString(), APPROVER),
                () -> approve(hardship, APPROVER));

        List<ExtractableResponse<Response>> answers;
        // Each writer's first approval waits for its disbursement's row, locked here.
        try (Connection holder = connections.toServiceDatabase();
                PreparedStatement lock = holder.prepareStatement(
                        "SELECT id FROM disbursement WHERE id = ANY (?) FOR UPDATE")) {
            holder.setAutoCommit(false);
            lock.setArray(1, uuids(holder, holders));
            lock.executeQuery().close();
            List<String> toHold = Collections.synchronizedList(new ArrayList<>(holders));
            holdEveryWriter(() -> approve(toHold.remove(0), APPROVER));
            List<Future<ExtractableResponse<Response>>> pending = queueInOrder(queued, writers::waitingApprovals);
            holder.rollback();
            answers = answers(pending);
        }

        assertThat(answers).extracting(ExtractableResponse::statusCode)
                .containsExactly(200, 200, 200, 409, 409, 422, 404, 200);
        assertThat(answers.get(3).<String>path("type")).endsWith("/insufficient-funds");
        assertThat(answers.get(3).<Float>path("remaining")).isEqualTo(10000.0f);
        assertThat(answers.get(4).<String>path("type")).endsWith("/illegal-transition");
        assertThat(answers.get(5).<String>path("rule")).isEqualTo("maker-checker");
        given().when().get("/api/funds/" + startup).then().body("approved", equalTo(90000.0f))
                .body("remaining", equalTo(10000.0f));
        given().when().get("/api/funds/" + relief).then()
                .body("approved", equalTo(2000.0f + 1000.0f * writers.writerCount()));
        assertThat(transactionsThatWrote("disbursement",
                List.of(startups.get(0), startups.get(1), startups.get(2), hardship))).isEqualTo(1);
        given().when().get("/api/disbursements/" + startups.get(3)).then()
                .body("status", equalTo("REQUESTED"));
    }

    private static String requested(UUID member, String fund, String amount) {
        return DisbursementTest.request(UUID.randomUUID().toString(),
                DisbursementTest.body(member, fund, "HARDSHIP_RELIEF", amount, "2008-04-01")).statusCode(201)
                .extract().path("id");
    }

    private static ExtractableResponse<Response> approve(String id, String approver) {
        return given().header("Authorization", TestTokens.bearer(approver, "620000", Role.APPROVER))
                .contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/disbursements/" + id + "/approval").then().extract();
    }

    /** Sends one call per writer, each one's batch waiting for the lock before the next is sent. */
    private void holdEveryWriter(Callable<ExtractableResponse<Response>> call) {
        for (int i = 0; i < writers.writerCount(); i++) {
            clients.submit(call);
            int held = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() == held);
        }
    }

    private long waitingForALock() throws SQLException {
        try (Connection connection = connections.toServiceDatabase();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'""")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Sends the calls one after the other, each queued behind the one before. */
    private List<Future<ExtractableResponse<Response>>> queueInOrder(List<Callable<ExtractableResponse<Response>>> calls,
            IntSupplier waiting) {
        List<Future<ExtractableResponse<Response>>> pending = new ArrayList<>();
        for (Callable<ExtractableResponse<Response>> call : calls) {
            pending.add(clients.submit(call));
            int queued = pending.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getAsInt() == queued);
        }
        return pending;
    }

    private static List<ExtractableResponse<Response>> answers(List<Future<ExtractableResponse<Response>>> pending)
            throws Exception {
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : pending) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** How many transactions last wrote these rows (PostgreSQL's xmin of each row version). */
    private long transactionsThatWrote(String table, List<String> ids) throws SQLException {
        try (Connection connection = connections.toServiceDatabase();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*), count(DISTINCT xmin::text) FROM " + table + " WHERE id = ANY (?)")) {
            query.setArray(1, uuids(connection, ids));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("rows found").isEqualTo(ids.size());
                return row.getLong(2);
            }
        }
    }

    private static Array uuids(Connection connection, List<String> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
    }
}
