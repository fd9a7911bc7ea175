package org.memberaid.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.memberaid.database.DatabaseReady;
import org.memberaid.members.domain.Region;

/**
 * The known regions. They change only by migration, so they are read once, as soon as the database
 * is migrated, and validation of a county code costs no query: registration validates on the event
 * loop (it is the hot path).
 */
@ApplicationScoped
public class Regions {

    private volatile List<Region> all;
    private volatile Set<String> counties;

    public List<Region> all() {
        load();
        return all;
    }

    public boolean isCounty(String code) {
        load();
        return counties.contains(code);
    }

    void loadOnceMigrated(@Observes DatabaseReady ready) {
        load();
    }

    private void load() {
        if (all == null) {
            List<Region> regions = QuarkusTransaction.joiningExisting()
                    .call(() -> Region.<Region>listAll(Sort.by("code")));
            counties = regions.stream().filter(r -> r.level == Region.Level.COUNTY).map(r -> r.code)
                    .collect(Collectors.toUnmodifiableSet());
            all = List.copyOf(regions);
        }
    }
}
