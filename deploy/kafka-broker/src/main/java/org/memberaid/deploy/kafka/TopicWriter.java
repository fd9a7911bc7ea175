package org.memberaid.deploy.kafka;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records straight to a topic, acknowledged by the broker before {@link #send} returns:
 * how consumer tests play the part of another service. Tests write as {@link BrokerUsers#ADMIN}, which
 * may write anything, including what no service is allowed to (a forged event).
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicWriter(KafkaLogin login) {
        Properties config = new Properties();
        config.putAll(login.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record for " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
