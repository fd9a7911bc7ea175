package org.memberaid.reporting.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;

/** Each test uses its own county codes: the consumer and its tables are shared by the run. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class MemberEventsConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    private MembersTopic topic;

    @BeforeEach
    void openTopic() {
        topic = new MembersTopic();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void countsRegisteredMembersPerCounty() {
        topic.send(UUID.randomUUID(), MembersTopic.registered(UUID.randomUUID(), "620702"));
        topic.send(UUID.randomUUID(), MembersTopic.registered(UUID.randomUUID(), "620702"));
        UUID third = UUID.randomUUID();
        topic.send(third, MembersTopic.registered(third, "620721"));

        awaitMembersTotal("620702", 2);
        awaitMembersTotal("620721", 1);
    }

    @Test
    void countsAnEventDeliveredTwiceOnce() {
        UUID member = UUID.randomUUID();
        String event = MembersTopic.registered(member, "629906");

        topic.send(member, event);
        topic.send(member, event);
        sendMarkerAndAwaitIt("629901");

        assertThat(membersTotal("629906")).isEqualTo(1);
    }

    @Test
    void ignoresAnOlderSequenceAfterANewerOne() {
        UUID member = UUID.randomUUID();
        topic.send(member, MembersTopic.memberEvent(UUID.randomUUID(), "memberaid.member.deregistered.v1", member, 2,
                "620723", "DECEASED"));
        topic.send(member, MembersTopic.memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", member, 1,
                "620723", "ACTIVE"));
        sendMarkerAndAwaitIt("629902");

        assertThat(membersTotal("620723")).isZero();
    }

    @Test
    void movesAMemberBetweenCountiesAndDropsTheDeregistered() {
        UUID member = UUID.randomUUID();
        topic.send(member, MembersTopic.registered(member, "620724"));
        awaitMembersTotal("620724", 1);

        topic.send(member, MembersTopic.memberEvent(UUID.randomUUID(), "memberaid.member.transferred.v1", member, 2,
                "620725", "ACTIVE"));
        awaitMembersTotal("620725", 1);
        assertThat(membersTotal("620724")).isZero();

        topic.send(member, MembersTopic.memberEvent(UUID.randomUUID(), "memberaid.member.deregistered.v1", member, 3,
                "620725", "DECEASED"));
        awaitMembersTotal("620725", 0);
    }

    @Test
    void movesAMemberLiftedOutOfDifficulty() {
        UUID member = UUID.randomUUID();
        topic.send(member, MembersTopic.memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", member, 1,
                "629904", "ACTIVE", "IN_DIFFICULTY"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(county("629904")).containsEntry("membersInDifficulty", 1).containsEntry("povertyRate", 1.0f));

        topic.send(member, MembersTopic.memberEvent(UUID.randomUUID(), "memberaid.member.hardship-assessed.v1", member, 2,
                "629904", "ACTIVE", "LIFTED_OUT"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(county("629904"))
                .containsEntry("membersTotal", 1).containsEntry("membersInDifficulty", 0)
                .containsEntry("membersLiftedOut", 1).containsEntry("povertyRate", 0.0f));
    }

    @Test
    void rollsUpToTheCityRecomputingThePovertyRateFromTheSums() {
        for (int i = 0; i < 3; i++) {
            UUID member = UUID.randomUUID();
            topic.send(member, MembersTopic.memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", member, 1,
                    "620722", "ACTIVE", i < 2 ? "IN_DIFFICULTY" : "NOT_IN_DIFFICULTY"));
        }
        // All three applied before the figures are compared, so nothing arrives between the two reads.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(county("620722"))
                .containsEntry("membersTotal", 3).containsEntry("membersInDifficulty", 2));

        List<Map<String, Object>> zhangye = given().when().get("/api/reports/counties").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(row -> ((String) row.get("countyCode")).startsWith("6207")).toList();
        long total = zhangye.stream().mapToLong(row -> ((Number) row.get("membersTotal")).longValue()).sum();
        long inDifficulty = zhangye.stream().mapToLong(row -> ((Number) row.get("membersInDifficulty")).longValue()).sum();
        Map<String, Object> city = given().when().get("/api/reports/regions/620700").then().statusCode(200)
                .extract().jsonPath().getMap("$");

        assertThat(zhangye).hasSize(6);
        assertThat(city).containsEntry("nameZh", "张掖市").containsEntry("counties", 6);
        assertThat(((Number) city.get("membersTotal")).longValue()).isEqualTo(total);
        assertThat(((Number) city.get("membersInDifficulty")).longValue()).isEqualTo(inDifficulty);
        assertThat(new java.math.BigDecimal(city.get("povertyRate").toString()))
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(inDifficulty)
                        .divide(java.math.BigDecimal.valueOf(total), 4, java.math.RoundingMode.HALF_UP));
        given().when().get("/api/reports/regions/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void deadLettersARecordItCannotParseAndGoesOn() throws SQLException {
        String key = UUID.randomUUID().toString();
        topic.send(key, "{\"this is\": not json");
        sendMarkerAndAwaitIt("629903");

        assertThat(deadLetterReasons(key)).singleElement().asString().startsWith("not a CloudEvents JSON envelope");
    }

    private void sendMarkerAndAwaitIt(String county) {
        UUID marker = UUID.randomUUID();
        topic.send(marker, MembersTopic.registered(marker, county));
        awaitMembersTotal(county, 1);
    }

    private static void awaitMembersTotal(String county, long expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(membersTotal(county)).isEqualTo(expected));
    }

    private static long membersTotal(String county) {
        List<Map<String, Object>> rows = given().when().get("/api/reports/counties")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().filter(row -> county.equals(row.get("countyCode")))
                .mapToLong(row -> ((Number) row.get("membersTotal")).longValue())
                .findFirst().orElse(0L);
    }

    private static Map<String, Object> county(String code) {
        return given().when().get("/api/reports/counties/" + code).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private List<String> deadLetterReasons(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT reason FROM dead_letter_event WHERE message_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                List<String> reasons = new java.util.ArrayList<>();
                while (rows.next()) {
                    reasons.add(rows.getString(1));
                }
                return reasons;
            }
        }
    }
}
