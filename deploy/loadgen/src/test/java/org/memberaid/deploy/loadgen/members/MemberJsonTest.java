package org.memberaid.deploy.loadgen.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberJsonTest {

    @Test
    void writesEveryFieldWithTheIncomeInTwoPlacesAndTheCausesAsAnArray() throws Exception {
        SyntheticMember member = new SyntheticMember("62070219700101001X", "王秀英", Gender.FEMALE, "汉族", "13912345678",
                "620702", "梁家墩镇", "清凉寺村", "清凉寺村党支部", LocalDate.of(1990, 7, 1), Education.PRIMARY,
                LaborCapacity.NONE, new BigDecimal("3000.00"), true, HardshipStatus.IN_DIFFICULTY,
                List.of(HardshipCause.OLD_AGE, HardshipCause.ILLNESS));

        String json = MemberJson.toJson(member);
        JsonNode body = new ObjectMapper().readTree(json);

        assertThat(json).contains("\"annualIncome\":3000.00,");
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isEqualTo(MemberCsv.HEADER);
        assertThat(body.get("name").asText()).isEqualTo("王秀英");
        assertThat(body.get("joinedPartyOn").asText()).isEqualTo("1990-07-01");
        assertThat(body.get("notableContribution").isBoolean()).isTrue();
        assertThat(body.get("causes")).hasSize(2);
        assertThat(body.get("causes").get(1).asText()).isEqualTo("ILLNESS");
    }

    @Test
    void writesTheRegistrationsBusinessDateWhenGiven() throws Exception {
        SyntheticMember member = new SyntheticMembers(7, LocalDate.of(2015, 1, 5)).nextOfCensus("620721", "裕固族",
                HardshipStatus.IN_DIFFICULTY);

        JsonNode body = new ObjectMapper().readTree(MemberJson.toJson(member, LocalDate.of(2015, 1, 20)));

        assertThat(body.get("registeredOn").asText()).isEqualTo("2015-01-20");
        assertThat(body.get("nationalId").asText()).isEqualTo(member.nationalId());
        assertThat(MemberJson.toJson(member)).doesNotContain("registeredOn");
    }
}
