package org.memberaid.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipChangesTest {

    private final UUID member = UUID.randomUUID();

    private MemberState state(String county, String registration, String hardship, long version) {
        return new MemberState(member, county, registration, hardship, version);
    }

    @Test
    void aRegistrationInDifficultyAddsToTotalAndDifficulty() {
        MembershipChanges changes = new MembershipChanges(Map.of());

        assertThat(changes.apply(state("620702", "ACTIVE", "IN_DIFFICULTY", 1))).isTrue();

        assertThat(changes.deltas()).containsExactly(Map.entry("620702", new CountyFigures(1, 1, 0)));
    }

    @Test
    void liftingOutMovesAMemberFromDifficultyToLiftedOut() {
        MembershipChanges changes = new MembershipChanges(Map.of(member, state("620702", "ACTIVE", "IN_DIFFICULTY", 2)));

        changes.apply(state("620702", "ACTIVE", "LIFTED_OUT", 3));

        assertThat(changes.deltas()).containsExactly(Map.entry("620702", new CountyFigures(0, -1, 1)));
    }

    @Test
    void aTransferMovesTheMemberAndADeregistrationRemovesIt() {
        MembershipChanges changes = new MembershipChanges(Map.of(member, state("620702", "ACTIVE", "IN_DIFFICULTY", 1)));

        changes.apply(state("620721", "ACTIVE", "IN_DIFFICULTY", 2));
        changes.apply(state("620721", "DECEASED", "IN_DIFFICULTY", 3));

        assertThat(changes.deltas()).containsExactly(Map.entry("620702", new CountyFigures(-1, -1, 0)));
        assertThat(changes.changedStates()).singleElement().extracting(MemberState::version).isEqualTo(3L);
    }

    @Test
    void aSnapshotNotNewerThanTheHeldStateChangesNothing() {
        MembershipChanges changes = new MembershipChanges(Map.of(member, state("620702", "DECEASED", "NOT_IN_DIFFICULTY", 2)));

        assertThat(changes.apply(state("620702", "ACTIVE", "IN_DIFFICULTY", 1))).isFalse();
        assertThat(changes.apply(state("620702", "ACTIVE", "IN_DIFFICULTY", 2))).isFalse();

        assertThat(changes.deltas()).isEmpty();
        assertThat(changes.changedStates()).isEmpty();
    }

    @Test
    void thePovertyRateIsRecomputedFromSumsNotAveraged() {
        CountyFigures small = new CountyFigures(10, 5, 0);
        CountyFigures large = new CountyFigures(990, 45, 0);

        assertThat(small.plus(large).povertyRate()).hasToString("0.0500");
        assertThat(new CountyFigures(88986, 4386, 0).povertyRate()).hasToString("0.0493");
        assertThat(CountyFigures.ZERO.povertyRate()).hasToString("0.0000");
    }
}
