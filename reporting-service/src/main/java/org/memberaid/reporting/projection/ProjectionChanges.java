package org.memberaid.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts committed changes to the projections and remembers, per county, the change that last
 * touched it: a cached report re-reads only the counties changed since it was read.
 */
@ApplicationScoped
public class ProjectionChanges {

    private final Map<String, Long> countyChangedAt = new ConcurrentHashMap<>();
    private volatile long version;
    private volatile long everythingChangedAt;

    /** After a commit that touched these counties. */
    public synchronized void committed(Collection<String> counties) {
        long next = version + 1;
        counties.forEach(county -> countyChangedAt.put(county, next));
        version = next;
    }

    /** After a change that can touch any county (reads switched to another projection). */
    public synchronized void everythingChanged() {
        everythingChangedAt = version + 1;
        version = everythingChangedAt;
    }

    public long version() {
        return version;
    }

    /** The counties changed after {@code since}; null when everything may have changed. */
    public Set<String> countiesChangedSince(long since) {
        if (everythingChangedAt > since) {
            return null;
        }
        Set<String> changed = new HashSet<>();
        countyChangedAt.forEach((county, at) -> {
            if (at > since) {
                changed.add(county);
            }
        });
        return changed;
    }
}
