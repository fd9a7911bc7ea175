package org.memberaid.reporting.events;

import java.util.UUID;

/**
 * A programme cycle or a payment batch changed (cycle created, evaluated, approved...; batch created,
 * exported, sent, reconciled, cancelled). Read so the contract is checked, applied to no figure: their
 * money arrives as the {@link DisbursementChanged} events of the disbursements they approve or pay.
 *
 * @param id the cycle's or the batch's id
 */
public record Noted(EventType type, UUID id, String countyCode) implements ReportingEvent {
}
