package org.memberaid.reporting.events;

import java.time.LocalDate;
import java.util.UUID;
import org.memberaid.reporting.domain.Assistance;
import org.memberaid.reporting.domain.Figure;

/**
 * An assistance record; it never changes once recorded.
 *
 * @param kind one of the assistance figures ({@code SKILLS_TRAINING}, {@code PAIRING}, ...)
 * @param employer for a job placement; null otherwise
 * @param helperId for a pairing (always there); null otherwise
 * @param helperType for a pairing (always there), {@code CADRE} or {@code BUSINESS_LEADER}; null otherwise
 */
public record AssistanceRecorded(UUID assistanceId, UUID memberId, String countyCode, String kind,
        LocalDate providedOn, String employer, String helperId, String helperType) implements ReportingEvent {

    @Override
    public EventType type() {
        return EventType.ASSISTANCE_RECORDED;
    }

    public Assistance assistance() {
        return new Assistance(assistanceId, memberId, countyCode, Figure.valueOf(kind), providedOn, employer, helperId,
                helperType);
    }
}
