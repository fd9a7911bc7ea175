package org.memberaid.events.outbox;

import java.util.UUID;

/** One committed, not yet acknowledged event as the relay reads it. */
record OutboxRow(long position, UUID eventId, String topic, String key, String type, String payload) {
}
