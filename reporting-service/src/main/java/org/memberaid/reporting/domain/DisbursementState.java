package org.memberaid.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Reporting's copy of a disbursement at a version; only an APPROVED one counts (a reversal takes it back out). */
public record DisbursementState(UUID id, UUID memberId, String countyCode, LocalDate month, String kind,
        BigDecimal amount, String status, long version) {

    public static final String APPROVED = "APPROVED";

    public boolean counted() {
        return APPROVED.equals(status);
    }
}
