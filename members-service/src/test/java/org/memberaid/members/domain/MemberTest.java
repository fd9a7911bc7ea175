package org.memberaid.members.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final LocalDate REGISTERED = LocalDate.of(2015, 3, 10);
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private static Member registered() {
        MemberProfile profile = new MemberProfile("王秀英", Gender.MALE, null, null, null, null, null,
                LocalDate.of(1995, 7, 1), null, LaborCapacity.FULL, new BigDecimal("0.00"), false, null);
        return Member.register(new MemberDetails(NationalId.parse("620702197001010015"), "620702", profile,
                HardshipStatus.NOT_IN_DIFFICULTY, EnumSet.noneOf(HardshipCause.class), REGISTERED), NOW);
    }

    @Test
    void isRegisteredOnItsBusinessDateNotOnTheDayItIsWritten() {
        assertThat(registered().registeredOn).isEqualTo(REGISTERED);
    }

    @Test
    void refusesEveryChangeDatedBeforeItsRegistrationAndAcceptsOneOnTheDay() {
        Member member = registered();
        LocalDate dayBefore = REGISTERED.minusDays(1);

        assertThatThrownBy(() -> member.assessHardship(HardshipStatus.IN_DIFFICULTY, Set.of(HardshipCause.ILLNESS),
                dayBefore, NOW)).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("before-registration"));
        assertThatThrownBy(() -> member.transfer("620721", dayBefore, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> member.deregister(DeregistrationReason.DECEASED, dayBefore, NOW))
                .isInstanceOf(RuleViolationException.class);
        assertThat(member.hardshipStatus).isEqualTo(HardshipStatus.NOT_IN_DIFFICULTY);
        assertThat(member.countyCode).isEqualTo("620702");

        member.assessHardship(HardshipStatus.IN_DIFFICULTY, Set.of(HardshipCause.ILLNESS), REGISTERED, NOW);
        assertThat(member.hardshipStatus).isEqualTo(HardshipStatus.IN_DIFFICULTY);
    }
}
