package org.memberaid.reporting.domain;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.ToLongFunction;

/**
 * The states a batch starts from, and the rule every projection follows: a snapshot replaces
 * the state held only when its version is newer, so duplicated and reordered events change
 * nothing. Each replacement is handed to a transition that moves the figures.
 */
public final class NewestVersions<K, S> {

    private final Map<K, S> states;
    private final ToLongFunction<S> version;
    private final Set<K> changed = new LinkedHashSet<>();

    public NewestVersions(Map<K, S> held, ToLongFunction<S> version) {
        this.states = new HashMap<>(held);
        this.version = version;
    }

    /**
     * Applies {@code incoming} if newer; {@code transition} gets the state held (null: none) and the
     * new one, and returns the state to keep in its place (the new one, or the new one as it counted).
     */
    public boolean apply(K key, S incoming, BinaryOperator<S> transition) {
        S held = states.get(key);
        if (held != null && version.applyAsLong(held) >= version.applyAsLong(incoming)) {
            return false;
        }
        states.put(key, transition.apply(held, incoming));
        changed.add(key);
        return true;
    }

    /** The states that were replaced or added, newest version each. */
    public List<S> changed() {
        return changed.stream().map(states::get).toList();
    }
}
