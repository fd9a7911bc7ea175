package org.memberaid.events.inbox;

import java.util.List;

/** The consumers of one subscription (one consumer group), each on its own thread with its share of the partitions. */
public final class EventSubscription {

    private final List<EventStreamConsumer> consumers;

    EventSubscription(List<EventStreamConsumer> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    List<EventStreamConsumer> consumers() {
        return consumers;
    }

    /** Stops every consumer, each after the batch in hand. */
    public void stop() {
        consumers.forEach(EventStreamConsumer::stop);
    }
}
