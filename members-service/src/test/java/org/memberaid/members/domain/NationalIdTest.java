package org.memberaid.members.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @ParameterizedTest
    @ValueSource(strings = {
        "11010519491231002X", // the example printed in GB 11643-1999 itself
        "11010119900307803X",
        "440304198507151239",
        "620702197001010015",
        "620721194003050024"})
    void acceptsRealValidIds(String id) {
        assertThat(NationalId.problemWith(id, TODAY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "110105194912310021, has a wrong check digit",
        "620702197001010016, has a wrong check digit",
        "62070219700101001, must be 18 characters",
        "6207021970010100155, must be 18 characters",
        "62070219700101001x, must be 17 digits followed by a digit or X",
        "6207021970O101001X, must be 17 digits followed by a digit or X",
        "620702199902290017, embeds a birth date that does not exist",
        "620702203001010013, embeds a birth date that is not plausible"})
    void rejectsInvalidIdsWithTheReason(String id, String reason) {
        assertThat(NationalId.problemWith(id, TODAY)).contains(reason);
    }

    @Test
    void derivesBirthDateAndGenderFromTheId() {
        NationalId woman = NationalId.parse("11010519491231002X");
        NationalId man = NationalId.parse("620702197001010015");

        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(woman.gender()).isEqualTo(Gender.FEMALE);
        assertThat(man.gender()).isEqualTo(Gender.MALE);
        assertThat(man.eighteenthBirthday()).isEqualTo(LocalDate.of(1988, 1, 1));
    }

    @Test
    void masksBirthDateAndSerial() {
        assertThat(NationalId.masked("620702197001010015")).isEqualTo("620702********0015");
    }
}
