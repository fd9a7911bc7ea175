package org.memberaid.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.memberaid.problems.InvalidInputException;

class RegionScopeTest {

    @Test
    void aCountyCoversOnlyItself() {
        RegionScope ganzhou = RegionScope.of("620702");

        assertThat(ganzhou.covers("620702")).isTrue();
        assertThat(ganzhou.covers("620721")).isFalse();
        assertThat(ganzhou.covers("620700")).isFalse();
        assertThat(ganzhou.likePattern()).isEqualTo("620702%");
    }

    @Test
    void aCityCoversItsCountiesAndItself() {
        RegionScope zhangye = RegionScope.of("620700");

        assertThat(zhangye.covers("620702")).isTrue();
        assertThat(zhangye.covers("620725")).isTrue();
        assertThat(zhangye.covers("620700")).isTrue();
        assertThat(zhangye.covers("620102")).isFalse();
        assertThat(zhangye.covers("620000")).isFalse();
        assertThat(zhangye.likePattern()).isEqualTo("6207%");
    }

    @Test
    void aProvinceCoversEveryCityAndCountyInIt() {
        RegionScope gansu = RegionScope.of("620000");

        assertThat(gansu.covers("620702")).isTrue();
        assertThat(gansu.covers("620102")).isTrue();
        assertThat(gansu.covers("620000")).isTrue();
        assertThat(gansu.covers("630102")).isFalse();
        assertThat(gansu.likePattern()).isEqualTo("62%");
    }

    @Test
    void nothingThatIsNotASixDigitCodeIsCovered() {
        RegionScope zhangye = RegionScope.of("620700");

        assertThat(zhangye.covers(null)).isFalse();
        assertThat(zhangye.covers("6207")).isFalse();
        assertThat(zhangye.covers("6207021")).isFalse();
    }

    @Test
    void refusesClaimsThatAreNotRegionCodes() {
        for (String claim : new String[] { null, "", "62070", "6207020", "000000", "62o702", "%" }) {
            assertThatThrownBy(() -> RegionScope.of(claim)).as(String.valueOf(claim))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RegionScope.of(" 620702 ").code()).isEqualTo("620702");
    }

    @Test
    void refusesACountyOutsideItNamingTheField() {
        RegionScope zhangye = RegionScope.of("620700");

        zhangye.requireCounty("620721");
        assertThatThrownBy(() -> zhangye.requireCounty("620102"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("countyCode"));
    }
}
