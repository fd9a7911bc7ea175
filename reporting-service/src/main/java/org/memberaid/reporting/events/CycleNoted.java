package org.memberaid.reporting.events;

import java.util.UUID;

/**
 * A programme cycle changed (created, evaluated, approved, rejected, cancelled). Read so the
 * contract is checked, applied to no figure: an approved cycle's money arrives as the
 * {@link DisbursementChanged} events of its entitlements.
 */
public record CycleNoted(EventType type, UUID cycleId, String countyCode) implements ReportingEvent {
}
