package org.memberaid.reporting.events;

import java.time.LocalDate;
import java.util.UUID;
import org.memberaid.reporting.domain.MemberState;

/**
 * A member as it is after a change (registration, update, assessment, transfer, deregistration).
 *
 * @param sequence the member's version after the change
 * @param effectiveOn the change's business date: {@code data.effectiveOn}, or for an event without one
 *     the day of its {@code time} in the programme's zone
 * @param registeredOn {@code data.registeredOn}; null for an event without one
 */
public record MemberChanged(EventType type, UUID memberId, String countyCode, String registrationStatus,
        String hardshipStatus, long sequence, LocalDate effectiveOn, LocalDate registeredOn)
        implements ReportingEvent {

    /**
     * The member's state at this version, counting from the change's date and never before the
     * member's registration (a registration may be dated in the past, a later change's date not).
     */
    public MemberState state() {
        LocalDate since = registeredOn != null && registeredOn.isAfter(effectiveOn) ? registeredOn : effectiveOn;
        return new MemberState(memberId, countyCode, registrationStatus, hardshipStatus, sequence, since);
    }
}
