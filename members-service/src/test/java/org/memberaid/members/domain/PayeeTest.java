package org.memberaid.members.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayeeTest {

    @Test
    void masksAllButTheFirstFourAndTheLastFourDigits() {
        assertThat(Payee.masked("6222020200112233445")).isEqualTo("6222***********3445");
        assertThat(Payee.masked("622202020011")).isEqualTo("6222****0011");
        assertThat(Payee.masked(null)).isNull();
    }

    @Test
    void neverShowsTheWholeAccountWhenPrinted() {
        assertThat(new Payee("6222020200112233445", "王秀英").toString())
                .doesNotContain("6222020200112233445").contains("6222***********3445").contains("王秀英");
    }
}
