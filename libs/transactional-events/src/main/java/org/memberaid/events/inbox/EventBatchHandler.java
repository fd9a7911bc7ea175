package org.memberaid.events.inbox;

import java.util.List;

/**
 * Applies a batch of events that were never applied before, in the order they were read. It runs
 * inside the inbox's transaction: if it throws, nothing of the batch is kept and it is read again.
 *
 * <p>When the database refuses what it wrote (a value breaking a constraint or a column's type),
 * the inbox rolls the batch back and calls it again with each event of the batch alone, each in a
 * transaction of its own: the event the database still refuses is dead-lettered with the reason
 * and the others apply. A handler therefore needs nothing from the events beside it in a batch;
 * an event whose data it cannot read it dead-letters itself ({@link EventInbox#deadLetter}).
 */
@FunctionalInterface
public interface EventBatchHandler {

    void apply(List<ConsumedEvent> events);
}
