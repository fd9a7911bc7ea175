package org.memberaid.members.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.deploy.kafka.LocalKafkaBroker;
import org.memberaid.events.outbox.Outbox;
import org.memberaid.events.outbox.OutboxRelay;
import org.memberaid.members.Members;
import org.memberaid.members.TopicProbe;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxRelayTest {

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void publishesAMemberRegisteredEventKeyedByMemberWithoutIdentityData() throws Exception {
        String memberId = register("620723");

        ConsumerRecord<String, String> record = awaitEventFor(memberId);

        assertThat(record.key()).isEqualTo(memberId);
        JsonNode event = json.readTree(record.value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("memberaid.member.registered.v1");
        assertThat(event.path("source").asText()).isEqualTo("/members-service");
        assertThat(event.path("subject").asText()).isEqualTo(memberId);
        assertThat(event.path("sequence").asLong()).isEqualTo(1);
        assertThat(event.path("data").path("countyCode").asText()).isEqualTo("620723");
        assertThat(event.path("data").has("nationalId")).isFalse();
        assertThat(event.path("data").has("name")).isFalse();
        assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo("memberaid.member.registered.v1");
    }

    @Test
    void publishesWhatWasCommittedAndNothingThatWasRolledBack() {
        String rolledBackKey = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(MemberEvents.TOPIC, rolledBackKey, "memberaid.member.registered.v1", 1,
                    Map.of("countyCode", "620702", "registrationStatus", "ACTIVE"));
            throw new IllegalStateException("the change failed after its event was written");
        }));
        String committedId = register("620702");

        awaitEventFor(committedId);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows(Optional.empty()) == 0);

        List<ConsumerRecord<String, String>> all = TopicProbe.readAll(MemberEvents.TOPIC);
        assertThat(all).extracting(ConsumerRecord::key).contains(committedId).doesNotContain(rolledBackKey);
        assertThat(all).filteredOn(r -> r.key().equals(committedId)).hasSize(1);
    }

    @Test
    void keepsEventsMadeWhileTheBrokerIsDownAndPublishesThemWhenItIsBack() throws SQLException {
        Optional<LocalKafkaBroker> owned = KafkaBrokerTestResource.startedBroker();
        assumeTrue(owned.isPresent(), "needs a broker this test run started, to stop it");
        LocalKafkaBroker broker = owned.get();
        String memberId;
        broker.stop();
        try {
            memberId = register("620724");
            assertThat(pendingOutboxRows(Optional.of(memberId))).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> given().when().get(readiness).then().statusCode(503).header("Retry-After", "5"));
            assertThat(pendingOutboxRows(Optional.of(memberId))).as("held while Kafka is away").isEqualTo(1);
        } finally {
            broker.start();
        }

        awaitEventFor(memberId);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows(Optional.of(memberId)) == 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> given().when().get(readiness).then().statusCode(200));
    }

    @Test
    void letsOnlyOneRelayPublishAtATime() throws SQLException {
        // the service's relay takes the lock on its own thread, soon after start
        await().atMost(Duration.ofSeconds(30)).until(relay::isLeader);
        try (Connection contender = dataSource.getConnection();
                ResultSet lock = contender.createStatement()
                        .executeQuery("SELECT pg_try_advisory_lock(hashtext('memberaid.outbox-relay'))")) {
            lock.next();
            assertThat(lock.getBoolean(1)).as("a second relay must not become leader").isFalse();
        }
        // what an operator watches to see which instance relays
        assertThat(given().when().get(metrics).then().statusCode(200).extract().asString())
                .contains("memberaid_outbox_relay_leader 1.0", "memberaid_outbox_published_total");
    }

    @Test
    void vacuumsTheOutboxAfterPublishingEnoughEvents() throws SQLException {
        long vacuumsBefore = outboxVacuums();
        List<String> memberIds = java.util.stream.IntStream.range(0, 12).mapToObj(i -> register("620702")).toList();

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows(Optional.empty()) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxVacuums() > vacuumsBefore);
        assertThat(TopicProbe.readAll(MemberEvents.TOPIC)).extracting(ConsumerRecord::key).containsAll(memberIds);
    }

    private static String register(String countyCode) {
        return Members.register(countyCode);
    }

    private static ConsumerRecord<String, String> awaitEventFor(String memberId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> TopicProbe.readAll(MemberEvents.TOPIC).stream()
                        .filter(record -> memberId.equals(record.key())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Manual (not auto-) vacuums of the outbox table: the relay's. */
    private long outboxVacuums() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet result = connection.createStatement().executeQuery(
                        "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox_event'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private long pendingOutboxRows(Optional<String> key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE ?::text IS NULL OR message_key = ?")) {
            query.setString(1, key.orElse(null));
            query.setString(2, key.orElse(null));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
