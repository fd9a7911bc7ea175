package org.memberaid.deploy.loadgen.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The end offset of a topic summed over its partitions: how many records have ever been written
 * to it, so the growth of the sum counts the records a run produced.
 */
public final class TopicEndOffsets implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String topic;
    private List<TopicPartition> partitions;

    public TopicEndOffsets(String bootstrapServers, String topic) {
        Properties config = AdminLogin.clientConfig(bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "memberaid-loadgen");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        this.admin = Admin.create(config);
        this.topic = topic;
    }

    public int partitionCount() throws KafkaUnavailableException {
        return partitions().size();
    }

    /** @throws KafkaUnavailableException when the broker does not answer in time or the topic does not exist */
    public long sum() throws KafkaUnavailableException {
        Map<TopicPartition, OffsetSpec> latest = partitions().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> offsets = await(admin.listOffsets(latest).all(), "read the end offsets of");
        return offsets.values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }

    private List<TopicPartition> partitions() throws KafkaUnavailableException {
        if (partitions == null) {
            Map<String, TopicDescription> descriptions = await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe");
            partitions = descriptions.get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
        }
        return partitions;
    }

    private <T> T await(KafkaFuture<T> future, String action) throws KafkaUnavailableException {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Cannot " + action + " topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Cannot " + action + " topic " + topic + ": Kafka did not answer within "
                    + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted while waiting for Kafka", e);
        }
    }
}
