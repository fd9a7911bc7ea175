package org.memberaid.deploy.loadgen.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberCsvTest {

    private static final SyntheticMember MEMBER = new SyntheticMember("62070219700101001X", "王秀英", Gender.FEMALE, "汉族",
            "13912345678", "620702", "梁家墩镇", "清凉寺村", "清凉寺村党支部", LocalDate.of(1990, 7, 1), Education.PRIMARY,
            LaborCapacity.NONE, new BigDecimal("0.00"), false, HardshipStatus.IN_DIFFICULTY,
            List.of(HardshipCause.OLD_AGE, HardshipCause.ILLNESS));

    @Test
    void writesTheHeaderThenOneCrlfTerminatedRecordPerMember() {
        String csv = MemberCsv.toCsv(List.of(MEMBER));

        assertThat(csv).isEqualTo(
                "nationalId,name,gender,ethnicity,phone,countyCode,township,village,partyBranch,joinedPartyOn,"
                        + "education,laborCapacity,annualIncome,notableContribution,hardshipStatus,causes\r\n"
                        + "62070219700101001X,王秀英,FEMALE,汉族,13912345678,620702,梁家墩镇,清凉寺村,清凉寺村党支部,1990-07-01,"
                        + "PRIMARY,NONE,0.00,false,IN_DIFFICULTY,OLD_AGE;ILLNESS\r\n");
    }

    @Test
    void leavesAMemberNotInDifficultyWithAnEmptyLastField() {
        SyntheticMember member = new SyntheticMember("62070219700101001X", "王秀英", Gender.FEMALE, "汉族", "13912345678",
                "620702", "梁家墩镇", "清凉寺村", "清凉寺村党支部", LocalDate.of(1990, 7, 1), Education.BACHELOR,
                LaborCapacity.FULL, new BigDecimal("12345.60"), true, HardshipStatus.NOT_IN_DIFFICULTY, List.of());

        assertThat(MemberCsv.toCsv(List.of(member)).split("\r\n")[1])
                .endsWith(",BACHELOR,FULL,12345.60,true,NOT_IN_DIFFICULTY,");
    }

    @Test
    void givesEachMemberTheirOwnAccountInThePayeeColumns() {
        String[] lines = MemberCsv.toCsvWithPayees(List.of(MEMBER)).split("\r\n");

        assertThat(lines[0]).endsWith(",hardshipStatus,causes,bankAccount,accountHolder");
        assertThat(lines[1]).endsWith(",IN_DIFFICULTY,OLD_AGE;ILLNESS,622262070219700101001,王秀英");
        assertThat(Payee.of(MEMBER).bankAccount()).matches("[0-9]{12,30}");
    }

    @Test
    void generatedMembersNeedNoQuotingSoEveryRecordHasSixteenFields() {
        String[] lines = MemberCsv.toCsv(new SyntheticMembers(7, LocalDate.of(2026, 1, 1)).next(1_000)).split("\r\n");

        assertThat(lines).hasSize(1_001);
        for (String line : lines) {
            assertThat(line.split(",", -1)).hasSize(MemberCsv.HEADER.size());
        }
    }
}
