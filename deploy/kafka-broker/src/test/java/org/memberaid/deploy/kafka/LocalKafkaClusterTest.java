package org.memberaid.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real Kafka nodes from the launcher: replicated topics, and writes that go on with a node killed. */
class LocalKafkaClusterTest {

    @TempDir
    Path dataDir;

    @Test
    void replicatesThreeWaysAndTakesWritesWithANodeKilled() throws Exception {
        LocalKafkaCluster cluster = new LocalKafkaCluster(BrokerSettings.of(FreePorts.run(6), dataDir).withMaxHeap("256m"), 3);
        try {
            cluster.start();
            KafkaLogin admin = cluster.credentials().login(cluster.bootstrapServers(), BrokerUsers.ADMIN);
            try (Admin client = Admin.create(admin.clientConfig())) {
                assertEquals(3, client.describeCluster().nodes().get().size());
                for (TopicDescription topic : client.describeTopics(BrokerSettings.DEFAULT_TOPICS).allTopicNames().get().values()) {
                    for (TopicPartitionInfo partition : topic.partitions()) {
                        assertEquals(3, partition.replicas().size(), topic.name());
                    }
                }
                ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "members.events");
                Config config = client.describeConfigs(List.of(events)).all().get().get(events);
                assertEquals("2", config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
            }

            long killed = cluster.pids().get(1).orElseThrow();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            ProcessHandle.of(killed).ifPresent(handle -> handle.onExit().join());
            assertEquals(OptionalLong.empty(), cluster.pids().get(1));
            // acks=all with min.insync.replicas 2: two of three nodes still take every write
            Map<String, Object> producerConfig = admin.clientConfig();
            producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer =
                         new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                for (int partition = 0; partition < BrokerSettings.TOPIC_PARTITIONS; partition++) {
                    producer.send(new ProducerRecord<>("members.events", partition, "member", "while node 2 is dead"))
                            .get(60, TimeUnit.SECONDS);
                }
            }

            cluster.startNode(2);
            assertTrue(cluster.pids().stream().allMatch(OptionalLong::isPresent));
        } finally {
            cluster.stop();
        }
        assertTrue(cluster.pids().stream().noneMatch(OptionalLong::isPresent));
    }
}
