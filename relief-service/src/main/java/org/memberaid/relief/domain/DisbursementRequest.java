package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A well-formed request for money, before the programme's rules are applied. */
public record DisbursementRequest(UUID memberId, UUID fundId, DisbursementKind kind, BigDecimal amount,
        LocalDate disbursedOn, StartupMechanism mechanism, String projectName, String reason, String requestedBy) {
}
