package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final UUID BATCH = UUID.randomUUID();
    private static final UUID OTHER_BATCH = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Reconciliation.Parsed parse(String csv) {
        return Reconciliation.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedFieldsAByteOrderMarkAndCrLfWithTheLineOfEachRow() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Reconciliation.Parsed parsed = parse("\uFEFFReference,Status,Amount,Bank_Reference,Date,Reason\r\n"
                + a + ",PAID,1200.00,ICBC-1,2026-11-30,\r\n"
                + "\r\n"
                + "\"" + b + "\",FAILED,1200,\"ICBC,2\",2026-11-30,\"账户已注销, 户名不符\"\r\n");
        assertThat(parsed.bad()).isEmpty();
        assertThat(parsed.rows()).extracting(Reconciliation.Row::line).containsExactly(2L, 4L);
        Reconciliation.Row failed = parsed.rows().get(1);
        assertThat(failed.reference()).isEqualTo(b.toString());
        assertThat(failed.outcome()).isEqualTo(Reconciliation.Outcome.FAILED);
        assertThat(failed.bankReference()).isEqualTo("ICBC,2");
        assertThat(failed.reason()).isEqualTo("账户已注销, 户名不符");
        assertThat(parsed.rows().get(0).reason()).isNull();
    }

    @Test
    void namesEveryUnreadableRowAndKeepsTheOthers() {
        UUID a = UUID.randomUUID();
        Reconciliation.Parsed parsed = parse(Reconciliation.HEADER + "\n"
                + a + ",PAID,1200.00,B,2026-11-30\n"
                + a + ",paid,1200.00,B,2026-11-30,\n"
                + a + ",PAID,-5,B,2026-11-30,\n"
                + a + ",PAID,12.345,B,2026-11-30,\n"
                + a + ",PAID,1200,,2026-11-30,\n"
                + a + ",PAID,1200," + "x".repeat(65) + ",2026-11-30,\n"
                + a + ",PAID,1200,B,30.11.2026,\n"
                + a + ",PAID,1200,B,2026-11-30,\n");
        assertThat(parsed.bad()).extracting(Reconciliation.BadLine::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(parsed.bad()).extracting(Reconciliation.BadLine::rule).containsOnly(Reconciliation.MALFORMED);
        assertThat(parsed.rows()).extracting(Reconciliation.Row::line).containsExactly(9L);
    }

    @Test
    void refusesAFileWithoutItsHeaderOrRows() {
        assertThat(parse("").bad()).extracting(Reconciliation.BadLine::line).containsExactly(1L);
        assertThat(parse("reference,status\n").bad()).extracting(Reconciliation.BadLine::line).containsExactly(1L);
        assertThat(parse(Reconciliation.HEADER + "\n").bad()).extracting(Reconciliation.BadLine::detail)
                .containsExactly("The file has no row after its header");
    }

    @Test
    void checksEachRowAgainstTheBatchsLines() {
        UUID paid = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        Map<UUID, List<Reconciliation.Known>> known = new HashMap<>();
        BigDecimal amount = new BigDecimal("1200.00");
        known.put(paid, List.of(new Reconciliation.Known(BATCH, 1, paid, amount, Reconciliation.Outcome.PAID)));
        known.put(open, List.of(new Reconciliation.Known(BATCH, 2, open, amount, null)));
        known.put(elsewhere, List.of(new Reconciliation.Known(OTHER_BATCH, 1, elsewhere, amount, null)));
        // Batched before in a cancelled batch, now in this one: it belongs here.
        known.put(moved, List.of(new Reconciliation.Known(OTHER_BATCH, 9, moved, amount, null),
                new Reconciliation.Known(BATCH, 3, moved, amount, null)));
        List<Reconciliation.Row> rows = parse(Reconciliation.HEADER + "\n"
                + paid + ",PAID,1200,B1,2026-11-30,\n"
                + open + ",FAILED,1200,B2,2026-11-30,户名不符\n"
                + moved + ",PAID,1200.0,B3,2026-12-01,\n").rows();
        Reconciliation.Checked checked = Reconciliation.check(BATCH, rows, known, TODAY);
        assertThat(checked.refused()).isFalse();
        assertThat(checked.unchanged()).isEqualTo(1);
        assertThat(checked.settled()).extracting(s -> s.line().line()).containsExactly(2, 3);

        List<Reconciliation.Row> bad = parse(Reconciliation.HEADER + "\n"
                + paid + ",FAILED,1200,B1,2026-11-30,退回\n"
                + open + ",FAILED,1200,B2,2026-11-30,\n"
                + open + ",PAID,1200,B2,2026-11-30,\n"
                + elsewhere + ",PAID,1200,B4,2026-11-30,\n"
                + moved + ",PAID,1199.99,B3,2026-11-30,\n"
                + UUID.randomUUID() + ",PAID,1200,B5,2026-11-30,\n"
                + "not-a-reference,PAID,1200,B6,2026-11-30,\n").rows();
        Reconciliation.Checked refused = Reconciliation.check(BATCH, bad, known, TODAY);
        assertThat(refused.bad()).extracting(Reconciliation.BadLine::rule).containsExactly(
                Reconciliation.OUTCOME_CONFLICTS, Reconciliation.REASON_REQUIRED, Reconciliation.DUPLICATE,
                Reconciliation.OTHER_BATCH, Reconciliation.AMOUNT_DIFFERS, Reconciliation.UNKNOWN_REFERENCE,
                Reconciliation.UNKNOWN_REFERENCE);
        assertThat(Reconciliation.check(BATCH, parse(Reconciliation.HEADER + "\n" + open
                + ",PAID,1200,B2,2026-12-02,\n").rows(), known, TODAY).bad())
                .extracting(Reconciliation.BadLine::rule).containsExactly(Reconciliation.DATE_IN_FUTURE);
    }
}
