package org.memberaid.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Counts committed changes to the projections, so cached reports know when they are stale. */
@ApplicationScoped
public class ProjectionChanges {

    private final AtomicLong version = new AtomicLong();

    public void committed() {
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }
}
