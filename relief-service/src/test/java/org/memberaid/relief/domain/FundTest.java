package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FundTest {

    @Test
    void neverSetsTheBudgetBelowWhatIsApproved() {
        Fund fund = Fund.allocate("620702", 2015, FundKind.SPECIAL_RELIEF, new BigDecimal("500000.00"), Instant.now());
        fund.approved = new BigDecimal("420000.00");

        assertThatThrownBy(() -> fund.changeBudget(new BigDecimal("419999.99"), Instant.now()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("budget-below-approved"));
        fund.changeBudget(new BigDecimal("420000.00"), Instant.now());

        assertThat(fund.remaining()).isEqualByComparingTo("0");
    }

    @Test
    void theArticlesDefaultsAreConsistent() {
        CountyPolicy defaults = CountyPolicy.defaults("620702");

        assertThat(defaults.violations()).isEmpty();
        assertThat(defaults.specialReliefFloor()).isEqualByComparingTo("500000");
        assertThat(defaults.hardshipReliefMax()).isEqualByComparingTo("3000");
    }
}
