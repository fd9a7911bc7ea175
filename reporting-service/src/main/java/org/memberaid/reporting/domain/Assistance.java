package org.memberaid.reporting.domain;

import java.time.LocalDate;
import java.util.UUID;

/** An assistance record (no money); never changes once recorded. */
public record Assistance(UUID id, UUID memberId, String countyCode, Figure kind, LocalDate providedOn,
        String employer, String helperId, String helperType) {
}
