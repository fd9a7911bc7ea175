package org.memberaid.relief;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.deploy.kafka.TopicReader;

/** Reads a whole topic of the broker this test run uses. */
public final class TopicProbe {

    private TopicProbe() {
    }

    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return TopicReader.readAll(KafkaBrokerTestResource.admin(), topic);
    }
}
