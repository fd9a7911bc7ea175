package org.memberaid.relief.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.memberaid.relief.events.ConsumerProbes.deadLetterReason;
import static org.memberaid.relief.events.ConsumerProbes.keyOnThePartitionOf;
import static org.memberaid.relief.events.ConsumerProbes.value;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.deploy.kafka.TopicWriter;
import org.memberaid.events.inbox.EventInbox;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MemberReplicaConsumerTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("caseworker-1", "620000", Role.CASEWORKER);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventInbox inbox;

    @Inject
    MeterRegistry metrics;

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Inject
    MemberReplicaConsumer consumer;

    private final TopicWriter topic =
            new TopicWriter(KafkaBrokerTestResource.admin());

    @AfterEach
    void close() {
        topic.close();
    }

    /** A member event as members-service documents it. */
    static String memberEvent(UUID eventId, String type, UUID member, long sequence, String county, String hardship,
            String registration) {
        return """
                {"specversion":"1.0","id":"%s","source":"/members-service","type":"%s","subject":"%s",
                 "time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "data":{"id":"%s","countyCode":"%s","birthDate":"1948-05-04","gender":"FEMALE",
                  "joinedPartyOn":"1970-07-01","laborCapacity":"NONE","annualIncome":0.00,"notableContribution":true,
                  "hardshipStatus":"%s","causes":[],"registrationStatus":"%s","version":%d,"effectiveOn":"2026-11-01"}}"""
                .formatted(eventId, type, member, sequence, member, county, hardship, registration, sequence);
    }

    @Test
    void keepsTheNewestStateWhateverTheOrderAndCountOfDeliveries() throws Exception {
        UUID member = UUID.randomUUID();
        String registered = memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", member, 1, "620702",
                "NOT_IN_DIFFICULTY", "ACTIVE");

        send(member, registered);
        awaitVersion(member, 1);
        send(member, memberEvent(UUID.randomUUID(), "memberaid.member.transferred.v1", member, 3, "620722",
                "IN_DIFFICULTY", "ACTIVE"));
        send(member, memberEvent(UUID.randomUUID(), "memberaid.member.hardship-assessed.v1", member, 2, "620702",
                "IN_DIFFICULTY", "ACTIVE"));
        send(member, registered);
        // On the member's partition, after its events: once the marker is applied, so are they.
        UUID marker = keyOnThePartitionOf(member);
        send(marker, memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", marker, 1, "620725",
                "NOT_IN_DIFFICULTY", "ACTIVE"));
        awaitVersion(marker, 1);

        assertThat(replica(member)).contains("620722 IN_DIFFICULTY ACTIVE 3 NONE 0.00 true 1948-05-04");
    }

    @Test
    void deadLettersAMemberEventFromAnotherSourceThanMembersService() throws Exception {
        UUID forged = UUID.randomUUID();
        send(forged, memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", forged, 1, "620702",
                "IN_DIFFICULTY", "ACTIVE").replace("\"source\":\"/members-service\"", "\"source\":\"/loadgen\""));
        UUID marker = keyOnThePartitionOf(forged);
        send(marker, memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", marker, 1, "620725",
                "NOT_IN_DIFFICULTY", "ACTIVE"));
        awaitVersion(marker, 1);

        assertThat(replica(forged)).isEmpty();
        assertThat(deadLetterReason(dataSource, forged)).contains("source must be /members-service on members.events, found /loadgen");
    }

    @Test
    void deadLettersWhatReliefCannotReadOrTheDatabaseRefusesAndAppliesTheRestOfTheBatch() throws Exception {
        UUID first = UUID.randomUUID();
        UUID badDate = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID incomplete = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        // a partition no consumer reads, at offsets no earlier run used
        long offset = System.currentTimeMillis() * 10;
        List<ConsumerRecord<String, String>> batch = List.of(
                record(offset, first, registration(first)),
                record(offset + 1, badDate, registration(badDate).replace("1948-05-04", "1948-02-30")),
                record(offset + 2, refused, registration(refused).replace("\"NONE\"", "\"PARTIALLY\"")),
                record(offset + 3, incomplete, registration(incomplete).replace("\"hardshipStatus\":\"IN_DIFFICULTY\",", "")),
                record(offset + 4, last, registration(last)));

        double deadLettersBefore = deadLettersCounted();

        // handed to the handler: all but the one the database refused
        assertThat(inbox.receive(batch, null, consumer::apply)).isEqualTo(4);

        assertThat(replica(first)).isPresent();
        assertThat(replica(last)).isPresent();
        assertThat(replica(badDate)).isEmpty();
        assertThat(replica(refused)).isEmpty();
        assertThat(replica(incomplete)).isEmpty();
        assertThat(deadLetterReason(dataSource, badDate)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("data.birthDate").contains("1948-02-30"));
        assertThat(deadLetterReason(dataSource, refused)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("SQL state 22001").contains("character varying(7)"));
        assertThat(deadLetterReason(dataSource, incomplete)).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("data.hardshipStatus is required"));
        assertThat(storedOffset(UNREAD_PARTITION)).contains(offset + 5);
        // the batch's transaction wrote two of them before the database refused it: counted once, when committed
        assertThat(value(dataSource, Long.class, """
                SELECT count(*) FROM dead_letter_event
                WHERE topic = 'members.events' AND partition_no = ? AND record_offset BETWEEN ? AND ?""",
                UNREAD_PARTITION, offset, offset + 4)).contains(3L);
        assertThat(deadLettersCounted() - deadLettersBefore).isEqualTo(3.0);
    }

    @Test
    void goesOnConsumingAfterAnEventWithABadDateAndOneTheDatabaseRefuses() throws Exception {
        UUID refused = UUID.randomUUID();
        UUID badDate = keyOnThePartitionOf(refused);
        UUID good = keyOnThePartitionOf(refused);
        send(refused, registration(refused).replace("\"countyCode\":\"620702\"", "\"countyCode\":\"6207020000000\""));
        send(badDate, registration(badDate).replace("1970-07-01", "1970-13-01"));
        send(good, registration(good));
        awaitVersion(good, 1);

        assertThat(replica(refused)).isEmpty();
        assertThat(replica(badDate)).isEmpty();
        assertThat(deadLetterReason(dataSource, refused)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("SQL state 22001"));
        assertThat(deadLetterReason(dataSource, badDate)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("data.joinedPartyOn").contains("1970-13-01"));
    }

    @Test
    void readinessNamesTheConsumerOfMembersEvents() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(readiness).then()
                .body("checks.find { it.name == 'events-relief-service-0' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'events-relief-service-0' }.data.topics", equalTo(MemberReplicaConsumer.TOPIC)));
    }

    private static final int UNREAD_PARTITION = 99;

    private static String registration(UUID member) {
        return memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", member, 1, "620702", "IN_DIFFICULTY",
                "ACTIVE");
    }

    private static ConsumerRecord<String, String> record(long offset, UUID key, String value) {
        return new ConsumerRecord<>("members.events", UNREAD_PARTITION, offset, key.toString(), value);
    }

    /** The inbox's dead-letter counter; none before the inbox is first used. */
    private double deadLettersCounted() {
        Counter counter = metrics.find("memberaid.events.dead.letters").counter();
        return counter == null ? 0 : counter.count();
    }

    private Optional<Long> storedOffset(int partition) throws SQLException {
        return value(dataSource, Long.class,
                "SELECT next_offset FROM consumed_offset WHERE topic = 'members.events' AND partition_no = ?", partition);
    }

    private void send(UUID key, String value) {
        topic.send("members.events", key.toString(), value);
    }

    private void awaitVersion(UUID member, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> replica(member).isPresent()
                && replica(member).get().contains(" " + version + " "));
    }

    private Optional<String> replica(UUID member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT county_code, hardship_status, registration_status, version, labor_capacity, annual_income,
                               notable_contribution, birth_date FROM member_replica WHERE id = ?""")) {
            query.setObject(1, member);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(String.join(" ", row.getString(1), row.getString(2), row.getString(3),
                        String.valueOf(row.getLong(4)), row.getString(5), row.getBigDecimal(6).toPlainString(),
                        String.valueOf(row.getBoolean(7)), row.getDate(8).toString()));
            }
        }
    }
}
