package org.memberaid.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.memberaid.reporting.config.ReportingConfig;
import org.memberaid.reporting.projection.ProjectionChanges;
import org.memberaid.reporting.projection.ProjectionReads;

/**
 * The county tables of each year, kept in memory: the report read most often (dashboards page
 * through it) costs no query while no batch has committed. After a batch this instance applied,
 * the first read re-reads only the counties it touched.
 */
@ApplicationScoped
public class CountyTables {

    private record CachedTable(CountyTable table, long version, long loadedAt) {
    }

    @Inject
    ProjectionReads reads;

    @Inject
    ProjectionChanges changes;

    @Inject
    CountyRows rows;

    @Inject
    TableRefresher refresher;

    @Inject
    ReportingConfig config;

    private final Map<Integer, CachedTable> tables = new ConcurrentHashMap<>();

    /**
     * Every county for a year: the seeded ones (zeros included) and any other code the events
     * named. Read again after every batch this instance applies; after {@code cache.max-age}
     * without one (another instance may be applying), refreshed in the background while the
     * table in hand is served.
     */
    public CountyTable counties(int year) {
        long seen = changes.version();
        CachedTable cached = tables.get(year);
        if (cached != null && cached.version() == seen) {
            if (expired(cached)) {
                refresher.refresh(year, () -> load(year, seen));
            }
            return cached.table();
        }
        synchronized (tables) {
            cached = tables.get(year);
            long version = changes.version();
            if (cached != null && cached.version() == version) {
                return cached.table();
            }
            Set<String> changed = cached == null ? null : changes.countiesChangedSince(cached.version());
            if (changed == null) {
                return load(year, version);
            }
            CountyTable previous = cached.table();
            CachedTable refreshed = new CachedTable(
                    reads.read(connection -> rows.refresh(connection, previous, changed)), version, cached.loadedAt());
            tables.put(year, refreshed);
            return refreshed.table();
        }
    }

    private CountyTable load(int year, long version) {
        CachedTable loaded = new CachedTable(reads.read(connection -> rows.table(connection, year)), version,
                System.nanoTime());
        tables.merge(year, loaded, (held, fresh) -> fresh.version() >= held.version() ? fresh : held);
        return loaded.table();
    }

    private boolean expired(CachedTable cached) {
        return System.nanoTime() - cached.loadedAt() > config.cache().maxAge().toNanos();
    }
}
