package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankFileTest {

    private static final UUID REFERENCE = UUID.fromString("0191f3d2-7c1a-7b3e-9a55-2f0c1d2e3f40");

    @Test
    void quotesWhatRfc4180QuotesAndSumsToTheFen() {
        BankFile.Written file = BankFile.write(List.of(
                new BankFile.Line(1, "王秀英", "6222020200112233445", new BigDecimal("1200"), "LIVING_SUBSIDY 2026",
                        REFERENCE),
                new BankFile.Line(2, "Li, \"Old\" Zhang", "6228480012345678", new BigDecimal("0.10"), "HOLIDAY_VISIT 2026",
                        REFERENCE)));
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        String body = "line,payee_name,account,amount,purpose,reference\r\n"
                + "1,王秀英,6222020200112233445,1200.00,LIVING_SUBSIDY 2026," + REFERENCE + "\r\n"
                + "2,\"Li, \"\"Old\"\" Zhang\",6228480012345678,0.10,HOLIDAY_VISIT 2026," + REFERENCE + "\r\n";
        assertThat(text).isEqualTo(body + "CHECKSUM,2,1200.10," + file.sha256() + "\r\n");
        assertThat(file.sha256()).isEqualTo(BankFile.sha256(body.getBytes(StandardCharsets.UTF_8))).hasSize(64);
    }

    @Test
    void theSameLinesGiveTheSameBytes() {
        List<BankFile.Line> lines = List.of(new BankFile.Line(1, "张福", "6222020200112233445", new BigDecimal("500.00"),
                "LIVING_SUBSIDY 2026", REFERENCE));
        assertThat(BankFile.write(lines).bytes()).isEqualTo(BankFile.write(lines).bytes());
        assertThat(BankFile.write(lines).sha256()).isNotEqualTo(BankFile.write(List.of(new BankFile.Line(1, "张福",
                "6222020200112233446", new BigDecimal("500.00"), "LIVING_SUBSIDY 2026", REFERENCE))).sha256());
    }
}
