package org.memberaid.events.inbox;

import java.util.List;

/**
 * Applies a batch of events that were never applied before, in the order they were read. It runs
 * inside the inbox's transaction: if it throws, nothing of the batch is kept and it is read again.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void apply(List<ConsumedEvent> events);
}
