package org.memberaid.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what on the launcher's broker: its SCRAM users and the services' ACLs, against the real broker. */
class BrokerSecurityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new LocalKafkaBroker(BrokerSettings.of(FreePorts.pair(), dataDir));
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void refusesAClientWithAWrongPassword() {
        KafkaLogin wrong = new KafkaLogin(broker.bootstrapServers(), BrokerUsers.MEMBERS_SERVICE, "not-the-password");

        try (Admin admin = Admin.create(wrong.clientConfig())) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
    }

    @Test
    void refusesAClientWithoutCredentials() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "request.timeout.ms", 2000, "default.api.timeout.ms", 4000);

        try (Admin admin = Admin.create(anonymous)) {
            assertThrows(Exception.class, () -> admin.describeCluster().nodes().get(8, TimeUnit.SECONDS));
        }
    }

    @Test
    void letsEachServiceWriteItsOwnTopicOnly() throws Exception {
        assertEquals("members.events", send(BrokerUsers.MEMBERS_SERVICE, "members.events"));
        assertEquals("members.payees", send(BrokerUsers.MEMBERS_SERVICE, "members.payees"));
        assertEquals("relief.events", send(BrokerUsers.RELIEF_SERVICE, "relief.events"));

        assertRefusedTopic(() -> send(BrokerUsers.MEMBERS_SERVICE, "relief.events"));
        assertRefusedTopic(() -> send(BrokerUsers.RELIEF_SERVICE, "members.events"));
        assertRefusedTopic(() -> send(BrokerUsers.RELIEF_SERVICE, "members.payees"));
        // A user with WRITE on no topic at all is refused already the idempotent producer's id (KIP-679).
        // Depending on when the refusal reaches the producer, send() fails with it or with a
        // KafkaException naming it as its cause (the producer is then in a fatal state).
        Exception refused = assertThrows(Exception.class, () -> send(BrokerUsers.REPORTING_SERVICE, "members.events"));
        assertTrue(Stream.iterate((Throwable) refused, Objects::nonNull, Throwable::getCause)
                .anyMatch(ClusterAuthorizationException.class::isInstance), () -> "not a refusal: " + refused);
    }

    @Test
    void letsConsumersReadOnlyWhatTheyConsumeInGroupsNamedAfterThem() throws Exception {
        send(BrokerUsers.ADMIN, "members.events");
        send(BrokerUsers.ADMIN, "members.payees");
        send(BrokerUsers.ADMIN, "relief.events");

        assertFalse(readInGroup(BrokerUsers.RELIEF_SERVICE, "relief-service", "members.events").isEmpty());
        assertFalse(readInGroup(BrokerUsers.RELIEF_SERVICE, "relief-service-payees", "members.payees").isEmpty());
        assertFalse(readInGroup(BrokerUsers.REPORTING_SERVICE, "reporting-service-projection_7", "members.events")
                .isEmpty());
        assertFalse(readInGroup(BrokerUsers.REPORTING_SERVICE, "reporting-service", "relief.events").isEmpty());
        assertFalse(TopicReader.readAll(broker.login(BrokerUsers.RELIEF_SERVICE), "members.events").isEmpty());

        assertRefusedTopic(() -> TopicReader.readAll(broker.login(BrokerUsers.MEMBERS_SERVICE), "relief.events"));
        assertRefusedTopic(() -> TopicReader.readAll(broker.login(BrokerUsers.MEMBERS_SERVICE), "members.events"));
        assertRefusedTopic(() -> TopicReader.readAll(broker.login(BrokerUsers.RELIEF_SERVICE), "relief.events"));
        assertRefusedTopic(() -> readInGroup(BrokerUsers.RELIEF_SERVICE, "relief-service", "relief.events"));
        // Bank accounts are for relief alone, which pays them: reporting reads members.events, not this.
        assertRefusedTopic(() -> TopicReader.readAll(broker.login(BrokerUsers.REPORTING_SERVICE), "members.payees"));
        assertRefusedTopic(() -> readInGroup(BrokerUsers.REPORTING_SERVICE, "reporting-service", "members.payees"));
        assertRefusedTopic(() -> TopicReader.readAll(broker.login(BrokerUsers.MEMBERS_SERVICE), "members.payees"));
        assertThrows(GroupAuthorizationException.class,
                () -> readInGroup(BrokerUsers.RELIEF_SERVICE, "reporting-service", "members.events"));
        assertThrows(GroupAuthorizationException.class,
                () -> readInGroup(BrokerUsers.MEMBERS_SERVICE, "members-service", "members.events"));
    }

    @Test
    void showsNoServiceATopicItHasNoRightTo() throws Exception {
        try (Admin admin = Admin.create(broker.login(BrokerUsers.MEMBERS_SERVICE).clientConfig())) {
            assertEquals(Set.of("members.events", "members.payees"),
                    admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
        try (Admin admin = Admin.create(broker.login(BrokerUsers.REPORTING_SERVICE).clientConfig())) {
            assertEquals(Set.of("members.events", "relief.events"),
                    admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
    }

    /** Sends one record as {@code user}; returns the topic the broker acknowledged it on. */
    private static String send(String user, String topic) throws Exception {
        Map<String, Object> config = broker.login(user).clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "key", "record-" + UUID.randomUUID()))
                    .get(30, TimeUnit.SECONDS).topic();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Reads a topic in a new consumer group named {@code group-<uuid>}, as the services do, and commits. */
    private static List<ConsumerRecord<String, String>> readInGroup(String user, String group, String topic) {
        Map<String, Object> config = broker.login(user).clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    return records;
                }
            }
        }
        throw new AssertionError(user + " read nothing from " + topic + " within " + TIMEOUT);
    }

    private static void assertRefusedTopic(org.junit.jupiter.api.function.Executable action) {
        assertThrows(TopicAuthorizationException.class, action);
    }
}
