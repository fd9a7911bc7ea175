package org.memberaid.deploy.loadgen.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NationalIdsTest {

    @Test
    void computesTheCheckDigitOfTheStandardsExample() {
        // The example of GB 11643-1999, whose check digit is the X that stands for 10.
        assertThat(NationalIds.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(NationalIds.hasValidCheckDigit("11010519491231002X")).isTrue();
        assertThat(NationalIds.hasValidCheckDigit("110105194912310021")).isFalse();
    }

    @Test
    void buildsAnIdFromItsParts() {
        String id = NationalIds.of("620702", LocalDate.of(1970, 1, 1), 1);

        assertThat(id).startsWith("62070219700101001").hasSize(18);
        assertThat(NationalIds.hasValidCheckDigit(id)).isTrue();
        assertThat(NationalIds.birthDate(id)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(NationalIds.gender(id)).isEqualTo(Gender.MALE);
        assertThat(NationalIds.gender(NationalIds.of("620702", LocalDate.of(1970, 1, 1), 2))).isEqualTo(Gender.FEMALE);
    }

    @Test
    void agreesWithTheIdsTheServiceTestsUse() {
        assertThat(NationalIds.hasValidCheckDigit("620702197001010015")).isTrue();
    }
}
