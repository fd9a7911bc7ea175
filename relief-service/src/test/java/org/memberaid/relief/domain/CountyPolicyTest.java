package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountyPolicyTest {

    @Test
    void theArticlesDefaultsAreConsistent() {
        CountyPolicy defaults = CountyPolicy.defaults("620702");

        assertThat(defaults.violations()).isEmpty();
        assertThat(defaults.specialReliefFloor()).isEqualByComparingTo("500000");
        assertThat(defaults.hardshipReliefMax()).isEqualByComparingTo("3000");
    }
}
