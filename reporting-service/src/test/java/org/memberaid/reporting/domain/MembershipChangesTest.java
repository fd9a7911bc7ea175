package org.memberaid.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipChangesTest {

    private final UUID member = UUID.randomUUID();

    @Test
    void aRegistrationAddsOneToItsCounty() {
        MembershipChanges changes = new MembershipChanges(Map.of());

        assertThat(changes.apply(new MemberState(member, "620702", "ACTIVE", 1))).isTrue();

        assertThat(changes.membersDelta()).containsExactly(Map.entry("620702", 1L));
    }

    @Test
    void aTransferMovesTheMemberAndADeregistrationRemovesIt() {
        MembershipChanges changes = new MembershipChanges(Map.of(member, new MemberState(member, "620702", "ACTIVE", 1)));

        changes.apply(new MemberState(member, "620721", "ACTIVE", 2));
        changes.apply(new MemberState(member, "620721", "DECEASED", 3));

        assertThat(changes.membersDelta()).containsExactly(Map.entry("620702", -1L));
        assertThat(changes.changedStates()).singleElement().extracting(MemberState::version).isEqualTo(3L);
    }

    @Test
    void aSnapshotNotNewerThanTheHeldStateChangesNothing() {
        MembershipChanges changes = new MembershipChanges(Map.of(member, new MemberState(member, "620702", "DECEASED", 2)));

        assertThat(changes.apply(new MemberState(member, "620702", "ACTIVE", 1))).isFalse();
        assertThat(changes.apply(new MemberState(member, "620702", "ACTIVE", 2))).isFalse();

        assertThat(changes.membersDelta()).isEmpty();
        assertThat(changes.changedStates()).isEmpty();
    }
}
