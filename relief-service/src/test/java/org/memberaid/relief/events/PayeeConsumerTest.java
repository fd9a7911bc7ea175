package org.memberaid.relief.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.memberaid.relief.events.ConsumerProbes.deadLetterReason;
import static org.memberaid.relief.events.ConsumerProbes.keyOnThePartitionOf;
import static org.memberaid.relief.events.ConsumerProbes.value;

import io.agroal.api.AgroalDataSource;
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
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.deploy.kafka.TopicWriter;
import org.memberaid.relief.Replica;
import org.memberaid.events.inbox.EventInbox;

/** relief's copy of members' payee details, {@code member_payee}, kept from members.payees. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PayeeConsumerTest {

    private static final String ACCOUNT = "6222020200112233445";
    private static final String NEWER_ACCOUNT = "621700123456789012";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventInbox inbox;

    @Inject
    PayeeConsumer consumer;

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    private final TopicWriter topic = new TopicWriter(KafkaBrokerTestResource.admin());

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void keepsTheNewestDetailsWhateverTheOrderAndCountOfDeliveries() throws Exception {
        UUID member = UUID.randomUUID();
        String first = Replica.payeeEvent(member, 1, ACCOUNT, "王秀英");

        send(member, first);
        awaitVersion(member, 1);
        send(member, Replica.payeeEvent(member, 3, NEWER_ACCOUNT, "王建国"));
        send(member, Replica.payeeEvent(member, 2, "6228480012345678", "王秀兰"));
        send(member, first);
        appliedUpTo(member);

        assertThat(payee(member)).contains(NEWER_ACCOUNT + " 王建国 3");
    }

    @Test
    void keepsRemovedDetailsAsARowOfNullsThatAnOlderEventCannotBringBack() throws Exception {
        UUID member = UUID.randomUUID();
        send(member, Replica.payeeEvent(member, 2, ACCOUNT, "王秀英"));
        awaitVersion(member, 2);

        send(member, Replica.payeeEvent(member, 4, null, null));
        awaitVersion(member, 4);
        assertThat(payee(member)).contains("null null 4");

        send(member, Replica.payeeEvent(member, 3, NEWER_ACCOUNT, "王建国"));
        appliedUpTo(member);
        assertThat(payee(member)).contains("null null 4");
    }

    @Test
    void deadLettersAPayeeEventFromAnotherSourceThanMembersService() throws Exception {
        UUID forged = UUID.randomUUID();
        send(forged, Replica.payeeEvent(forged, 1, ACCOUNT, "王秀英")
                .replace("\"source\":\"/members-service\"", "\"source\":\"/loadgen\""));
        appliedUpTo(forged);

        assertThat(payee(forged)).isEmpty();
        assertThat(deadLetterReason(dataSource, forged)).contains("source must be /members-service on members.payees, found /loadgen");
    }

    @Test
    void deadLettersWhatReliefCannotReadWithoutRepeatingTheAccountAndAppliesTheRestOfTheBatch() throws Exception {
        UUID first = UUID.randomUUID();
        UUID incomplete = UUID.randomUUID();
        UUID badAccount = UUID.randomUUID();
        UUID otherMember = UUID.randomUUID();
        UUID unknownType = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        // a partition no consumer reads, at offsets no earlier run used
        long offset = System.currentTimeMillis() * 10;
        List<ConsumerRecord<String, String>> batch = List.of(
                record(offset, first, Replica.payeeEvent(first, 1, ACCOUNT, "王秀英")),
                record(offset + 1, incomplete, Replica.payeeEvent(incomplete, 1, ACCOUNT, null)),
                record(offset + 2, badAccount, Replica.payeeEvent(badAccount, 1, "6222-0202-0011-2233", "王秀英")),
                record(offset + 3, otherMember, Replica.payeeEvent(otherMember, 1, ACCOUNT, "王秀英")
                        .replace("\"memberId\":\"" + otherMember, "\"memberId\":\"" + first)),
                record(offset + 4, unknownType, Replica.payeeEvent(unknownType, 1, ACCOUNT, "王秀英")
                        .replace("payee-changed.v1", "payee-verified.v1")),
                record(offset + 5, last, Replica.payeeEvent(last, 7, null, null)));

        // handed to the handler: all of them, the handler dead-letters what it cannot read
        assertThat(inbox.receive(batch, null, consumer::apply)).isEqualTo(6);

        assertThat(payee(first)).contains(ACCOUNT + " 王秀英 1");
        assertThat(payee(last)).contains("null null 7");
        for (UUID refused : List.of(incomplete, badAccount, otherMember, unknownType)) {
            assertThat(payee(refused)).isEmpty();
            assertThat(deadLetterReason(dataSource, refused)).hasValueSatisfying(reason -> assertThat(reason)
                    .doesNotContain(ACCOUNT).doesNotContain("6222-0202"));
        }
        assertThat(deadLetterReason(dataSource, incomplete)).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("data.bankAccount and data.accountHolder: both or neither"));
        assertThat(deadLetterReason(dataSource, badAccount)).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("data.bankAccount is not 12 to 30 digits"));
        assertThat(deadLetterReason(dataSource, otherMember)).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("data.memberId is not the event's subject"));
        assertThat(deadLetterReason(dataSource, unknownType)).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("not a payee event type relief knows"));
        assertThat(value(dataSource, Long.class,
                "SELECT next_offset FROM consumed_offset WHERE topic = 'members.payees' AND partition_no = ?",
                UNREAD_PARTITION)).contains(offset + 6);
    }

    @Test
    void readinessNamesTheConsumerOfMembersPayees() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(readiness).then()
                .body("checks.find { it.name == 'events-relief-service-payees-0' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'events-relief-service-payees-0' }.data.topics",
                        equalTo(PayeeConsumer.TOPIC))
                .body("checks.find { it.name == 'events-relief-service-0' }.data.topics",
                        equalTo(MemberReplicaConsumer.TOPIC)));
    }

    private static final int UNREAD_PARTITION = 99;

    private static ConsumerRecord<String, String> record(long offset, UUID key, String value) {
        return new ConsumerRecord<>(PayeeConsumer.TOPIC, UNREAD_PARTITION, offset, key.toString(), value);
    }

    private void send(UUID key, String value) {
        topic.send(PayeeConsumer.TOPIC, key.toString(), value);
    }

    /** Waits until everything sent under {@code key} so far is applied: a marker after it on its partition is. */
    private void appliedUpTo(UUID key) {
        UUID marker = keyOnThePartitionOf(key);
        send(marker, Replica.payeeEvent(marker, 1, ACCOUNT, "王秀英"));
        awaitVersion(marker, 1);
    }

    private void awaitVersion(UUID member, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> payee(member).filter(row -> row.endsWith(" " + version))
                .isPresent());
    }

    /** "bank_account account_holder version" of the member's row. */
    private Optional<String> payee(UUID member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT bank_account, account_holder, version FROM member_payee WHERE member_id = ?")) {
            query.setObject(1, member);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1) + " " + row.getString(2) + " " + row.getLong(3))
                        : Optional.empty();
            }
        }
    }

}
