package org.memberaid.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FreshnessTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST, Role.ADMIN);
    }

    @Test
    void reportsEveryPartitionsAppliedAndEndOffsetsAndTheTimeOfTheNewestEvent() {
        String newest = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        UUID member = UUID.randomUUID();
        try (EventFixtures events = new EventFixtures()) {
            events.send("members.events", member.toString(), """
                    {"specversion":"1.0","id":"%s","source":"/members-service","type":"memberaid.member.registered.v1",
                     "subject":"%s","time":"%s","sequence":1,"data":{"countyCode":"629501",
                     "registrationStatus":"ACTIVE","hardshipStatus":"NOT_IN_DIFFICULTY","effectiveOn":"2015-05-05"}}"""
                    .formatted(UUID.randomUUID(), member, newest).replace("\n", ""));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath freshness = given().when().get("/api/reports/freshness").then().statusCode(200)
                    .header(ReportResource.AS_OF, newest).extract().jsonPath();
            assertThat(freshness.getString("asOf")).isEqualTo(newest);
            assertThat(freshness.getLong("lag")).isZero();
            List<Map<String, Object>> partitions = freshness.getList("partitions");
            assertThat(partitions).hasSize(12).extracting(p -> p.get("topic")).containsOnly("members.events",
                    "relief.events");
            assertThat(partitions).allSatisfy(p -> assertThat(p.get("lag")).isEqualTo(0));
            assertThat(partitions).anySatisfy(p -> assertThat(p.get("appliedOffset")).isNotNull());
        });
        given().when().get("/api/reports/counties/629501?year=2015").then().statusCode(200)
                .header(ReportResource.AS_OF, newest).body("asOf", org.hamcrest.Matchers.is(newest));
    }
}
