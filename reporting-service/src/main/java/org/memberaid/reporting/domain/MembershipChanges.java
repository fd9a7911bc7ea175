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
 * county's figures move: the old state's contribution leaves its county, the new one's arrives.
 * A snapshot not newer than the state held changes nothing, so duplicates and reordered events
 * cannot move a figure.
 */
public final class MembershipChanges {

    private final Map<UUID, MemberState> states;
    private final Set<UUID> changed = new LinkedHashSet<>();
    private final Map<String, CountyFigures> deltas = new LinkedHashMap<>();

    public MembershipChanges(Map<UUID, MemberState> current) {
        this.states = new HashMap<>(current);
    }

    public boolean apply(MemberState incoming) {
        MemberState held = states.get(incoming.memberId());
        if (held != null && held.version() >= incoming.version()) {
            return false;
        }
        if (held != null) {
            deltas.merge(held.countyCode(), CountyFigures.ZERO.minus(held.contribution()), CountyFigures::plus);
        }
        deltas.merge(incoming.countyCode(), incoming.contribution(), CountyFigures::plus);
        states.put(incoming.memberId(), incoming);
        changed.add(incoming.memberId());
        return true;
    }

    public Collection<MemberState> changedStates() {
        return changed.stream().map(states::get).toList();
    }

    /** County code → change of its figures; counties whose figures do not move are left out. */
    public Map<String, CountyFigures> deltas() {
        Map<String, CountyFigures> moving = new LinkedHashMap<>(deltas);
        moving.values().removeIf(CountyFigures::isZero);
        return moving;
    }
}
