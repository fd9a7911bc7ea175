package org.memberaid.events.inbox;

import org.memberaid.events.CloudEvent;

/** An event read from Kafka, with where it was read. */
public record ConsumedEvent(String topic, int partition, long offset, CloudEvent event) {
}
