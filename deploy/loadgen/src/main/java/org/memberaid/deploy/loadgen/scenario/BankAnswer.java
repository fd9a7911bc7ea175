package org.memberaid.deploy.loadgen.scenario;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.memberaid.deploy.loadgen.csv.Csv;

/**
 * The bank's answer to a batch's file, made up for the run: the reconciliation file of
 * docs/payments.md reporting on every row of the bank file, a stated share of them FAILED (spread
 * evenly over the file, rounded to the nearest row), the others PAID, all settled on one day.
 *
 * @param csv the file as it is uploaded (UTF-8)
 */
record BankAnswer(byte[] csv, int paid, BigDecimal paidTotal, int failed, BigDecimal failedTotal) {

    static final List<String> HEADER = List.of("reference", "status", "amount", "bank_reference", "date", "reason");
    static final String FAILURE_REASON = "账户已销户";

    /**
     * @param failedShare 0 to 1
     * @param bankReferences what the bank's references start with; each continues with the row's line number
     */
    static BankAnswer to(List<BankFile.Row> rows, double failedShare, LocalDate settledOn, String bankReferences) {
        long toFail = Math.round(rows.size() * failedShare);
        StringBuilder csv = new StringBuilder(rows.size() * 100);
        Csv.appendRecord(csv, HEADER);
        int failed = 0;
        BigDecimal paidTotal = BigDecimal.ZERO.setScale(2);
        BigDecimal failedTotal = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < rows.size(); i++) {
            BankFile.Row row = rows.get(i);
            // Row i fails when the running quota (i + 1) * toFail / rows steps up on it.
            boolean fails = (i + 1) * toFail / rows.size() > i * toFail / rows.size();
            Csv.appendRecord(csv, List.of(row.reference(), fails ? "FAILED" : "PAID", row.amount().toPlainString(),
                    String.format(Locale.ROOT, "%s-%06d", bankReferences, row.line()), settledOn.toString(),
                    fails ? FAILURE_REASON : ""));
            if (fails) {
                failed++;
                failedTotal = failedTotal.add(row.amount());
            } else {
                paidTotal = paidTotal.add(row.amount());
            }
        }
        return new BankAnswer(csv.toString().getBytes(StandardCharsets.UTF_8), rows.size() - failed, paidTotal, failed,
                failedTotal);
    }
}
