package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentBatchTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static PaymentBatch batch() {
        return PaymentBatch.draft(UUID.randomUUID(), "620702", 3, new BigDecimal("3600"), "clerk", NOW);
    }

    @Test
    void goesFromDraftThroughExportAndSendingToReconciled() {
        PaymentBatch batch = batch();
        assertThatThrownBy(() -> batch.sent("head", NOW)).isInstanceOf(ConflictException.class);
        assertThat(batch.exported("clerk", "ab", NOW)).isTrue();
        assertThat(batch.exported("auditor", "ab", NOW)).isFalse();
        assertThat(batch.exportedBy).isEqualTo("clerk");
        assertThatThrownBy(() -> batch.requireReconcilable()).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> batch.sent("clerk", NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("creator");
        assertThat(batch.sent("head", NOW)).isTrue();
        assertThat(batch.sent("head", NOW)).isFalse();
        assertThatThrownBy(() -> batch.cancel("clerk", "why", NOW)).isInstanceOf(ConflictException.class);
        batch.reconciled(1, new BigDecimal("1200.00"), 1, new BigDecimal("1200.00"), NOW);
        assertThat(batch.status).isEqualTo(PaymentBatchStatus.SENT);
        batch.reconciled(1, new BigDecimal("1200.00"), 0, BigDecimal.ZERO, NOW);
        assertThat(batch.status).isEqualTo(PaymentBatchStatus.RECONCILED);
        assertThat(batch.paidTotal).isEqualByComparingTo("2400");
        assertThatThrownBy(() -> batch.reconciled(1, BigDecimal.ONE, 0, BigDecimal.ZERO, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancelledBatchHasNoFile() {
        PaymentBatch batch = batch();
        batch.cancel("clerk", "账号待核实", NOW);
        assertThat(batch.status).isEqualTo(PaymentBatchStatus.CANCELLED);
        assertThatThrownBy(() -> batch.exported("clerk", "ab", NOW)).isInstanceOf(ConflictException.class);
    }
}
