package org.memberaid.relief.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.ArrayList;
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
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.relief.Replica;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConcurrentApprovalTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("clerk-a", "620000", Role.CASEWORKER, Role.ADMIN);
    }

    @Test
    void fiftyApprovalsRacingForAFundThatCanPayTenApproveExactlyTen() throws Exception {
        UUID member = Replica.known(Replica.Member.inDifficulty("620725"));
        String fund = DisbursementTest.fund("620725", 2009, "STARTUP", "80000.00");
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> body = DisbursementTest.body(member, fund, "STARTUP_SUPPORT", "8000", "2009-04-01");
            body.put("mechanism", "REWARD_IN_LIEU_OF_SUBSIDY");
            requested.add(DisbursementTest.request(UUID.randomUUID().toString(), body).statusCode(201)
                    .extract().path("id"));
        }

        ExecutorService approvers = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String id : requested) {
                answers.add(approvers.submit(() -> {
                    start.await();
                    return given().header("Authorization", TestTokens.bearer("head-of-shandan", "620000", Role.APPROVER))
                            .contentType(ContentType.JSON).body(Map.of())
                            .when().post("/api/disbursements/" + id + "/approval").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(120, TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
            assertThat(statuses).filteredOn(s -> s != 200).hasSize(40).containsOnly(409);
        } finally {
            approvers.shutdownNow();
        }
        given().when().get("/api/funds/" + fund).then().statusCode(200)
                .body("approved", org.hamcrest.Matchers.equalTo(80000.0f))
                .body("remaining", org.hamcrest.Matchers.equalTo(0.0f));
        given().queryParams("memberId", member.toString(), "status", "APPROVED", "size", 500)
                .when().get("/api/disbursements").then().body("total", org.hamcrest.Matchers.equalTo(10));
    }
}
