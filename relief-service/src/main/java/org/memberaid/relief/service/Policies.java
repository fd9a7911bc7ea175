package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;
import org.memberaid.relief.domain.CountyPolicy;
import org.memberaid.relief.domain.StoredCountyPolicy;
import org.memberaid.relief.domain.VersionMismatchException;

/** Each county's relief rules: the article's defaults until the county sets its own. */
@ApplicationScoped
public class Policies {

    @Inject
    Counties counties;

    @Inject
    JdbcTransactions transactions;

    @Inject
    Clock clock;

    public CountyPolicy of(String countyCode) {
        counties.requireCounty(countyCode);
        return transactions.run(connection -> {
            StoredCountyPolicy stored = PolicyRows.find(connection, countyCode);
            return stored == null ? CountyPolicy.defaults(countyCode) : stored.toPolicy();
        });
    }

    /**
     * Replaces the county's rules; {@code expectedVersion} is 0 while it follows the defaults. Each
     * change is the next version, written only over the version it checked: of two changes made
     * from the same version, the later one is refused as stale.
     */
    public CountyPolicy update(String countyCode, long expectedVersion, CountyPolicy rules) {
        counties.requireCounty(countyCode);
        List<Violation> violations = rules.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return transactions.run(connection -> {
            StoredCountyPolicy stored = PolicyRows.find(connection, countyCode);
            long current = stored == null ? 0 : stored.version;
            if (current != expectedVersion) {
                throw new VersionMismatchException(current);
            }
            boolean written;
            if (stored == null) {
                stored = new StoredCountyPolicy();
                stored.countyCode = countyCode;
                stored.apply(rules, clock.instant());
                stored.version = 1L;
                written = PolicyRows.insert(connection, stored);
            } else {
                stored.apply(rules, clock.instant());
                stored.version = current + 1;
                written = PolicyRows.update(connection, stored, current);
            }
            if (!written) {
                throw new VersionMismatchException(PolicyRows.find(connection, countyCode).version);
            }
            return stored.toPolicy();
        });
    }
}
