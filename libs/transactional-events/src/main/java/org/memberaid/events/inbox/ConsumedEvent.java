package org.memberaid.events.inbox;

import org.memberaid.events.CloudEvent;

/** An event read from Kafka, with where it was read and the record as it arrived. */
public record ConsumedEvent(String topic, int partition, long offset, String key, String payload, CloudEvent event) {
}
