package org.memberaid.reporting.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies member snapshots, in order, to the states reporting holds and works out how each
 * county's count moves. A snapshot not newer than the state held changes nothing, so duplicates
 * and reordered events cannot move a count.
 */
public final class MembershipChanges {

    private final Map<UUID, MemberState> states;
    private final Set<UUID> changed = new LinkedHashSet<>();
    private final Map<String, Long> membersDelta = new LinkedHashMap<>();

    public MembershipChanges(Map<UUID, MemberState> current) {
        this.states = new HashMap<>(current);
    }

    public boolean apply(MemberState incoming) {
        MemberState held = states.get(incoming.memberId());
        if (held != null && held.version() >= incoming.version()) {
            return false;
        }
        if (held != null && held.counted()) {
            membersDelta.merge(held.countyCode(), -1L, Long::sum);
        }
        if (incoming.counted()) {
            membersDelta.merge(incoming.countyCode(), 1L, Long::sum);
        }
        states.put(incoming.memberId(), incoming);
        changed.add(incoming.memberId());
        return true;
    }

    public Collection<MemberState> changedStates() {
        return changed.stream().map(states::get).toList();
    }

    /** County code → change in active members; zero entries are dropped. */
    public Map<String, Long> membersDelta() {
        Map<String, Long> nonZero = new LinkedHashMap<>(membersDelta);
        nonZero.values().removeIf(delta -> delta == 0);
        return nonZero;
    }
}
