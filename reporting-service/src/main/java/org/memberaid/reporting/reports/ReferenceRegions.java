package org.memberaid.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memberaid.reporting.domain.Region;

/** The province, cities and counties of the reference data, and which counties a region holds. */
@ApplicationScoped
public class ReferenceRegions {

    private volatile Map<String, Region> regions;

    /** Every region by code. Reference data changes only with a migration, that is with a new release: read once. */
    Map<String, Region> byCode(Connection connection) throws SQLException {
        Map<String, Region> loaded = regions;
        if (loaded == null) {
            Map<String, Region> byCode = new HashMap<>();
            for (Region region : ReportQueries.regions(connection)) {
                byCode.put(region.code(), region);
            }
            loaded = Map.copyOf(byCode);
            regions = loaded;
        }
        return loaded;
    }

    /** The seeded counties at or below a region, by code. */
    static List<String> countiesWithin(String regionCode, Map<String, Region> regions) {
        List<String> counties = new ArrayList<>();
        for (Region region : regions.values()) {
            if (region.isCounty() && isWithin(region.code(), regionCode, regions)) {
                counties.add(region.code());
            }
        }
        counties.sort(null);
        return counties;
    }

    private static boolean isWithin(String countyCode, String regionCode, Map<String, Region> regions) {
        for (String code = countyCode; code != null; code = regions.containsKey(code) ? regions.get(code).parentCode() : null) {
            if (code.equals(regionCode)) {
                return true;
            }
        }
        return false;
    }
}
