package org.memberaid.deploy.loadgen.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankFileTest {

    private static final String ROWS = "line,payee_name,account,amount,purpose,reference\r\n"
            + "1,王秀英,6222020200112233445,500.00,LIVING_SUBSIDY 2026,0191f3d2-0000-7000-8000-000000000001\r\n"
            + "2,\"李,明\",622202020011223344556677,1200.50,HARDSHIP_RELIEF 2026,0191f3d2-0000-7000-8000-000000000002\r\n";

    @Test
    void readsTheRowsAndFindsTheChecksumRowTrue() throws Exception {
        BankFile file = BankFile.read(withChecksum(ROWS, "2,1700.50," + sha256(ROWS)));

        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).containsExactly(
                new BankFile.Row(1, "王秀英", "6222020200112233445", new BigDecimal("500.00"), "LIVING_SUBSIDY 2026",
                        "0191f3d2-0000-7000-8000-000000000001"),
                new BankFile.Row(2, "李,明", "622202020011223344556677", new BigDecimal("1200.50"), "HARDSHIP_RELIEF 2026",
                        "0191f3d2-0000-7000-8000-000000000002"));
        assertThat(file.total()).isEqualByComparingTo("1700.50");
        assertThat(file.sha256()).isEqualTo(sha256(ROWS));
        assertThat(file.checksumMatches()).isTrue();
    }

    @Test
    void aChecksumRowThatStatesAnotherCountTotalOrHashDoesNotMatch() throws Exception {
        assertThat(BankFile.read(withChecksum(ROWS, "3,1700.50," + sha256(ROWS))).checksumMatches()).isFalse();
        assertThat(BankFile.read(withChecksum(ROWS, "2,1700.51," + sha256(ROWS))).checksumMatches()).isFalse();
        assertThat(BankFile.read(withChecksum(ROWS, "2,1700.50," + sha256(ROWS + " "))).checksumMatches()).isFalse();
    }

    @Test
    void namesWhatBreaksTheFormat() throws Exception {
        String rows = ROWS.replace(",6222020200112233445,", ",6222***********3445,").replace("1200.50", "1200.5")
                .replace("\r\n2,", "\r\n3,");
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] body = withChecksum(rows, "2,1700.50," + sha256(rows));
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);

        BankFile file = BankFile.read(withBom);

        assertThat(file.problems()).hasSize(4).anyMatch(p -> p.contains("byte-order mark"))
                .anyMatch(p -> p.contains("row 2: account '6222***********3445' is not 12 to 30 digits"))
                .anyMatch(p -> p.contains("line 3, not 2")).anyMatch(p -> p.contains("'1200.5' does not have two decimals"));
        assertThat(BankFile.read(ROWS.getBytes(StandardCharsets.UTF_8)).problems()).containsExactly(
                "no checksum row (CHECKSUM,<lines>,<total>,<sha256>) at the end");
        assertThat(BankFile.read(withChecksum(ROWS, "2,1700.50,XYZ")).problems()).singleElement().asString()
                .startsWith("the checksum row is not");
        assertThat(BankFile.read(withChecksum(ROWS.replace("\r\n", "\n"), "2,1700.50," + sha256(ROWS))).problems())
                .containsExactly("the rows do not end in CRLF");
    }

    @Test
    void theBanksAnswerFailsTheStatedShareSpreadOverTheFileAndPaysTheRest() {
        List<BankFile.Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(new BankFile.Row(i, "王秀英", "6222020200112233445", new BigDecimal(i % 2 == 0 ? "500.00" : "300.00"),
                    "LIVING_SUBSIDY 2026", "ref-" + i));
        }

        BankAnswer answer = BankAnswer.to(rows, 0.02, LocalDate.of(2026, 12, 1), "LG7");

        String[] lines = new String(answer.csv(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(201);
        assertThat(lines[0]).isEqualTo("reference,status,amount,bank_reference,date,reason");
        assertThat(lines[1]).isEqualTo("ref-1,PAID,300.00,LG7-000001,2026-12-01,");
        assertThat(lines).filteredOn(line -> line.contains(",FAILED,")).extracting(line -> line.split(",")[0])
                .containsExactly("ref-50", "ref-100", "ref-150", "ref-200");
        assertThat(lines[100]).isEqualTo("ref-100,FAILED,500.00,LG7-000100,2026-12-01," + BankAnswer.FAILURE_REASON);
        assertThat(answer.paid()).isEqualTo(196);
        assertThat(answer.failed()).isEqualTo(4);
        assertThat(answer.failedTotal()).isEqualByComparingTo("2000.00");
        assertThat(answer.paidTotal()).isEqualByComparingTo("78000.00");
    }

    private static byte[] withChecksum(String rows, String checksum) {
        return (rows + "CHECKSUM," + checksum + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
