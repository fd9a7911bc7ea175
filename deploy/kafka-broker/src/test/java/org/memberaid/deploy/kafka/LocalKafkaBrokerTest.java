package org.memberaid.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void provisionsTopicsAndUsersAndKeepsRecordsAcrossARestart() throws Exception {
        LocalKafkaBroker broker = new LocalKafkaBroker(BrokerSettings.of(FreePorts.pair(), dataDir));
        String bootstrap = broker.bootstrapServers();
        try {
            broker.start();
            assertTrue(broker.isRunning());
            assertTrue(Files.exists(dataDir.resolve("broker.pid")));
            KafkaLogin admin = broker.login(BrokerUsers.ADMIN);
            assertProvisionedTopics(admin);
            assertPrivateCredentials(broker);

            String value = "member-registered-" + UUID.randomUUID();
            RecordMetadata written = produce(admin, "members.events", value);
            assertEquals(value, consumeFirstRecord(admin, written));

            broker.stop();
            assertFalse(broker.isRunning());
            assertFalse(LocalKafkaBroker.isReachable(bootstrap));

            broker.start();
            assertEquals(value, consumeFirstRecord(admin, written));
        } finally {
            broker.stop();
        }
        assertFalse(broker.isRunning());
        assertFalse(Files.exists(dataDir.resolve("broker.pid")));
        assertTrue(Files.readString(dataDir.resolve("broker.log")).contains("Kafka Server started"),
                "broker.log should hold the broker's INFO log");
    }

    /** Each user's password in a file only its owner can read, like the broker's configuration holding admin's. */
    private void assertPrivateCredentials(LocalKafkaBroker broker) throws Exception {
        Path credentials = dataDir.resolve("credentials");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        for (String user : BrokerUsers.ALL) {
            Path file = credentials.resolve(user);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), user);
            assertTrue(Files.readString(file).matches("[A-Za-z0-9]{32}"), user);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("server.properties"))));
        assertEquals(4, BrokerUsers.ALL.stream().map(broker.credentials()::password).distinct().count());
    }

    private static void assertProvisionedTopics(KafkaLogin login) throws Exception {
        try (Admin admin = Admin.create(login.clientConfig())) {
            assertEquals(Set.of("members.events", "members.payees", "relief.events"), admin.listTopics().names().get());
            Collection<TopicDescription> topics = admin
                    .describeTopics(BrokerSettings.DEFAULT_TOPICS).allTopicNames().get().values();
            for (TopicDescription topic : topics) {
                assertEquals(6, topic.partitions().size(), topic.name());
            }
            List<ConfigResource> resources = BrokerSettings.DEFAULT_TOPICS.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList();
            for (Config config : admin.describeConfigs(resources).all().get().values()) {
                assertEquals("-1", config.get(TopicConfig.RETENTION_MS_CONFIG).value());
            }
        }
    }

    private static RecordMetadata produce(KafkaLogin login, String topic, String value) throws Exception {
        Map<String, Object> config = login.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "member-1", value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the partition from its beginning, without a consumer group, so it can be read again. */
    private static String consumeFirstRecord(KafkaLogin login, RecordMetadata written) {
        Properties config = new Properties();
        config.putAll(login.clientConfig());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        TopicPartition partition = new TopicPartition(written.topic(), written.partition());
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == written.offset()) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("No record at " + partition + "@" + written.offset() + " within " + CONSUME_TIMEOUT);
    }
}
