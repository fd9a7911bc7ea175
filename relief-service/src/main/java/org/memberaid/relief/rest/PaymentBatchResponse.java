package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.relief.domain.PaymentBatch;
import org.memberaid.relief.domain.PaymentBatchStatus;
import org.memberaid.relief.service.PaymentBatches;

@Schema(name = "PaymentBatch")
public record PaymentBatchResponse(java.util.UUID id, String countyCode,
        @Schema(implementation = PaymentBatchStatus.class) String status,
        @Schema(description = "Its lines: one per disbursement it pays") int lines,
        @Schema(description = "What its lines pay in all, in yuan") BigDecimal total,
        @Schema(description = "Lines the bank paid") int paid, BigDecimal paidTotal,
        @Schema(description = "Lines the bank could not pay; their money went back to the funds") int failed,
        BigDecimal failedTotal,
        @Schema(nullable = true, description = "Only in the answer to its creation: the county's APPROVED disbursements "
                + "it could not take because their members have no payee details (listed by "
                + "GET /api/payment-batches/missing-payees)") Integer withoutPayee,
        @Schema(nullable = true, description = "Only in the answer to its creation: their total, in yuan")
        BigDecimal withoutPayeeTotal,
        @Schema(nullable = true, description = "The SHA-256 its bank file's checksum row carries, once exported")
        String fileSha256,
        @Schema(description = "The creator's subject (sub)") String createdBy,
        @Schema(nullable = true) String exportedBy, @Schema(nullable = true) Instant exportedAt,
        @Schema(nullable = true) String sentBy, @Schema(nullable = true) Instant sentAt,
        @Schema(nullable = true) String cancelledBy, @Schema(nullable = true) String cancellationReason,
        long version, Instant createdAt, Instant updatedAt) {

    static PaymentBatchResponse of(PaymentBatch b) {
        return of(b, null, null);
    }

    static PaymentBatchResponse of(PaymentBatches.Created created) {
        return of(created.batch(), created.withoutPayee(), created.withoutPayeeTotal());
    }

    private static PaymentBatchResponse of(PaymentBatch b, Integer withoutPayee, BigDecimal withoutPayeeTotal) {
        return new PaymentBatchResponse(b.id, b.countyCode, b.status.name(), b.lines, b.total, b.paid, b.paidTotal,
                b.failed, b.failedTotal, withoutPayee, withoutPayeeTotal, b.fileSha256, b.createdBy, b.exportedBy,
                b.exportedAt, b.sentBy, b.sentAt, b.cancelledBy, b.cancellationReason, b.version, b.createdAt,
                b.updatedAt);
    }
}
