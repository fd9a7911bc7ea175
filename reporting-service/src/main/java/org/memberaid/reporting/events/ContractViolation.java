package org.memberaid.reporting.events;

/**
 * An event whose type reporting does not read, or whose data breaks its type's contract; the
 * message names the field and the rule. The event is dead-lettered and the rest of its batch applies.
 */
public final class ContractViolation extends RuntimeException {

    ContractViolation(String message) {
        super(message, null, false, false);
    }
}
