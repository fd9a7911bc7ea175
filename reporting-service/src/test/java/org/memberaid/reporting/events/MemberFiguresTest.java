package org.memberaid.reporting.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.memberaid.reporting.ReportApi.awaitCounty;
import static org.memberaid.reporting.ReportApi.county;
import static org.memberaid.reporting.ReportApi.months;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.reporting.ReportApi;
import org.memberaid.reporting.projection.Projections;
import org.memberaid.testing.TestTokens;

/**
 * members.events through Kafka into the figures. Each test uses its own county codes: the
 * consumer and the projection are shared by the whole run.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MemberFiguresTest {

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsEndpoint;

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST, Role.ADMIN);
    }

    private static final int YEAR = 2015;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Projections projections;

    private EventFixtures events;

    @BeforeEach
    void open() {
        events = new EventFixtures();
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void movesEveryCountThroughRegistrationHardshipLiftingOutTransferAndDeregistration() {
        events.replay("member-lifecycle.json", Map.of("county", "629811", "county2", "629812"));

        // a: registered in difficulty, lifted out, transferred to 629812; b: registered; c: registered in difficulty, died
        awaitCounty("629812", YEAR, to -> assertThat(to).containsEntry("membersTotal", 1)
                .containsEntry("membersInDifficulty", 0).containsEntry("membersLiftedOut", 1));
        awaitCounty("629811", YEAR, from -> assertThat(from).containsEntry("membersTotal", 1)
                .containsEntry("membersInDifficulty", 0).containsEntry("membersLiftedOut", 0)
                .containsEntry("povertyRate", 0.0f).containsEntry("newlyInDifficulty", 2)
                .containsEntry("newlyLiftedOut", 1).containsEntry("nameZh", null));
        assertThat(county("629812", YEAR)).containsEntry("newlyInDifficulty", 0).containsEntry("newlyLiftedOut", 0);
        assertThat(county("629811", 2016)).containsEntry("membersTotal", 1).containsEntry("newlyInDifficulty", 0);
    }

    @Test
    void keepsMonthEndHistoryFromTheDatesOfTheChanges() {
        events.replay("member-lifecycle.json", Map.of("county", "629821", "county2", "629822"));
        awaitCounty("629822", YEAR, to -> assertThat(to).containsEntry("membersTotal", 1));
        // the three members' events travel on different partitions: a's transfer says nothing about c's death
        ReportApi.awaitCaughtUp();

        List<Map<String, Object>> months = months("629821", YEAR);

        assertThat(months).extracting(m -> m.get("month")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(months).extracting(m -> m.get("monthEnd")).startsWith("2015-01-31", "2015-02-28");
        // Jan: b; Feb: + c (in difficulty); Mar: + a (in difficulty); Jun: c dies; Sep: a lifted out; Nov: a leaves
        assertThat(months).extracting(m -> m.get("membersTotal")).containsExactly(1, 2, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1);
        assertThat(months).extracting(m -> m.get("membersInDifficulty"))
                .containsExactly(0, 1, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0);
        assertThat(months).extracting(m -> m.get("membersLiftedOut")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0);
        assertThat(months.get(2)).containsEntry("povertyRate", 0.6667f).containsEntry("newlyInDifficulty", 1);
        assertThat(months.get(8)).containsEntry("newlyLiftedOut", 1);
        assertThat(months("629822", YEAR)).extracting(m -> m.get("membersTotal"))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(months("629821", 2016)).allSatisfy(m -> assertThat(m).containsEntry("membersTotal", 1));
    }

    @Test
    void countsAMemberFromItsRegistrationDateSoAPastYearShowsOnlyWhoWasRegisteredByItsEnd() {
        UUID member = UUID.randomUUID();
        // A census of 2016 registered on its own date, and an assessment the previous release accepted
        // although dated before the registration (its events carried no registeredOn).
        events.send("members.events", member.toString(), dated(member, "registered", 1, "NOT_IN_DIFFICULTY",
                "2016-04-02", ",\"registeredOn\":\"2016-04-02\""));
        events.send("members.events", member.toString(), dated(member, "hardship-assessed", 2, "IN_DIFFICULTY",
                "2015-06-01", ""));
        sendMarkerAndAwaitIt("629882");

        assertThat(county("629881", 2015)).containsEntry("membersTotal", 0).containsEntry("membersInDifficulty", 0)
                .containsEntry("newlyInDifficulty", 0);
        assertThat(months("629881", 2015)).allSatisfy(month -> assertThat(month).containsEntry("membersTotal", 0)
                .containsEntry("membersInDifficulty", 0));
        assertThat(months("629881", 2016)).extracting(m -> m.get("membersInDifficulty"))
                .containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(county("629881", 2016)).containsEntry("membersTotal", 1).containsEntry("membersInDifficulty", 1)
                .containsEntry("newlyInDifficulty", 1);
    }

    private static String dated(UUID member, String type, long sequence, String hardshipStatus, String effectiveOn,
            String more) {
        return """
                {"specversion":"1.0","id":"%s","source":"/members-service","type":"memberaid.member.%s.v1","subject":"%s",
                 "time":"2026-11-27T08:00:00Z","sequence":%d,"data":{"id":"%s","countyCode":"629881",
                 "hardshipStatus":"%s","registrationStatus":"ACTIVE","version":%d,"effectiveOn":"%s"%s}}"""
                .formatted(UUID.randomUUID(), type, member, sequence, member, hardshipStatus, sequence, effectiveOn, more)
                .replace("\n", "");
    }

    @Test
    void countsAnEventDeliveredTwiceOnceAndIgnoresAnOlderSequence() {
        UUID member = UUID.randomUUID();
        String registered = member(UUID.randomUUID(), "registered", member, 1, "629831", "ACTIVE");
        events.send("members.events", member.toString(), registered);
        events.send("members.events", member.toString(), registered);
        UUID dead = UUID.randomUUID();
        events.send("members.events", dead.toString(), member(UUID.randomUUID(), "deregistered", dead, 2, "629831",
                "DECEASED"));
        events.send("members.events", dead.toString(), member(UUID.randomUUID(), "registered", dead, 1, "629831",
                "ACTIVE"));
        sendMarkerAndAwaitIt("629832");

        assertThat(county("629831", YEAR)).containsEntry("membersTotal", 1);
    }

    @Test
    void showsACountyMissingFromTheReferenceDataWithItsCodeAndRollsUpTheSeededOnes() {
        for (int i = 0; i < 3; i++) {
            UUID member = UUID.randomUUID();
            events.send("members.events", member.toString(), member(UUID.randomUUID(), "registered", member, 1,
                    "620722", "ACTIVE", i < 2 ? "IN_DIFFICULTY" : "NOT_IN_DIFFICULTY"));
        }
        sendMarkerAndAwaitIt("629841");
        awaitCounty("620722", YEAR, minle -> assertThat((Integer) minle.get("membersTotal")).isGreaterThanOrEqualTo(3));

        List<Map<String, Object>> zhangye = ReportApi.counties(YEAR).stream()
                .filter(row -> ((String) row.get("countyCode")).startsWith("6207")).toList();
        long total = zhangye.stream().mapToLong(row -> ((Number) row.get("membersTotal")).longValue()).sum();
        long inDifficulty = zhangye.stream().mapToLong(row -> ((Number) row.get("membersInDifficulty")).longValue()).sum();
        Map<String, Object> city = ReportApi.region("620700", YEAR);

        assertThat(zhangye).hasSize(6);
        assertThat(ReportApi.counties(YEAR)).anySatisfy(row -> assertThat(row)
                .containsEntry("countyCode", "629841").containsEntry("nameZh", null));
        assertThat(city).containsEntry("nameZh", "张掖市").containsEntry("counties", 6).containsEntry("level", "CITY");
        assertThat(((Number) city.get("membersTotal")).longValue()).isEqualTo(total);
        assertThat(((Number) city.get("membersInDifficulty")).longValue()).isEqualTo(inDifficulty);
        assertThat(new BigDecimal(city.get("povertyRate").toString())).isEqualByComparingTo(
                BigDecimal.valueOf(inDifficulty).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP));
        given().when().get("/api/reports/regions/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deadLettersWhatItCannotParseOrWhatBreaksTheContractAndGoesOn() throws SQLException {
        String unparsable = UUID.randomUUID().toString();
        events.send("members.events", unparsable, "{\"this is\": not json");
        UUID noCounty = UUID.randomUUID();
        events.send("members.events", noCounty.toString(),
                member(UUID.randomUUID(), "registered", noCounty, 1, "629851", "ACTIVE").replace("\"countyCode\":\"629851\",", ""));
        UUID badAmount = UUID.randomUUID();
        events.send("relief.events", badAmount.toString(), """
                {"specversion":"1.0","id":"%s","source":"/relief-service","type":"memberaid.disbursement.approved.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","sequence":2,"data":{"id":"%s","memberId":"%s",
                 "countyCode":"629851","kind":"HARDSHIP_RELIEF","amount":"lots","disbursedOn":"2015-03-01",
                 "status":"APPROVED"}}""".formatted(UUID.randomUUID(), badAmount, UUID.randomUUID(), badAmount));
        UUID unknownType = UUID.randomUUID();
        events.send("members.events", unknownType.toString(),
                member(UUID.randomUUID(), "promoted", unknownType, 1, "629851", "ACTIVE"));
        sendMarkerAndAwaitIt("629852");

        assertThat(deadLetterReasons(unparsable)).singleElement().asString()
                .startsWith("not a CloudEvents JSON envelope");
        assertThat(deadLetterReasons(noCounty.toString())).singleElement().asString()
                .contains("data.countyCode is required");
        assertThat(deadLetterReasons(badAmount.toString())).singleElement().asString()
                .contains("data.amount must be a number");
        assertThat(deadLetterReasons(unknownType.toString())).singleElement().asString()
                .contains("unknown event type memberaid.member.promoted.v1");
        given().when().get("/api/reports/counties/629851").then().statusCode(404);
        String metrics = given().when().get(metricsEndpoint).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("memberaid_events_dead_letters_total(\\{[^}]*})? [1-9]");
    }

    static String member(UUID eventId, String type, UUID memberId, long sequence, String countyCode,
            String registrationStatus) {
        return member(eventId, type, memberId, sequence, countyCode, registrationStatus, "NOT_IN_DIFFICULTY");
    }

    static String member(UUID eventId, String type, UUID memberId, long sequence, String countyCode,
            String registrationStatus, String hardshipStatus) {
        return """
                {"specversion":"1.0","id":"%s","source":"/members-service","type":"memberaid.member.%s.v1","subject":"%s",
                 "time":"2015-03-01T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "data":{"id":"%s","countyCode":"%s","birthDate":"1960-01-01","hardshipStatus":"%s",
                  "registrationStatus":"%s","version":%d}}"""
                .formatted(eventId, type, memberId, sequence, memberId, countyCode, hardshipStatus, registrationStatus,
                        sequence).replace("\n", "");
    }

    private void sendMarkerAndAwaitIt(String county) {
        UUID marker = UUID.randomUUID();
        events.send("members.events", marker.toString(), member(UUID.randomUUID(), "registered", marker, 1, county,
                "ACTIVE"));
        awaitCounty(county, YEAR, row -> assertThat(row).containsEntry("membersTotal", 1));
        // the marker may travel on another partition than the events before it
        ReportApi.awaitCaughtUp();
    }

    private List<String> deadLetterReasons(String key) throws SQLException {
        return deadLetterReasons(dataSource, projections.active(), key);
    }

    /** The reasons the dead letters of the projection in {@code schema} give for the records with this key. */
    static List<String> deadLetterReasons(AgroalDataSource dataSource, String schema, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT reason FROM " + schema + ".dead_letter_event WHERE message_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                List<String> reasons = new ArrayList<>();
                while (rows.next()) {
                    reasons.add(rows.getString(1));
                }
                return reasons;
            }
        }
    }
}
