package org.memberaid.relief.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
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
    Clock clock;

    public CountyPolicy of(String countyCode) {
        counties.requireCounty(countyCode);
        return QuarkusTransaction.joiningExisting().call(() -> StoredCountyPolicy.<StoredCountyPolicy>findByIdOptional(countyCode)
                .map(StoredCountyPolicy::toPolicy)
                .orElseGet(() -> CountyPolicy.defaults(countyCode)));
    }

    /** Replaces the county's rules; {@code expectedVersion} is 0 while it follows the defaults. */
    public CountyPolicy update(String countyCode, long expectedVersion, CountyPolicy rules) {
        counties.requireCounty(countyCode);
        List<Violation> violations = rules.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredCountyPolicy stored = StoredCountyPolicy.<StoredCountyPolicy>findByIdOptional(countyCode).orElse(null);
            long current = stored == null ? 0 : stored.version;
            if (current != expectedVersion) {
                throw new VersionMismatchException(current);
            }
            if (stored == null) {
                stored = new StoredCountyPolicy();
                stored.countyCode = countyCode;
                stored.apply(rules, clock.instant());
                stored.persist();
            } else {
                stored.apply(rules, clock.instant());
            }
            StoredCountyPolicy.flush();
            return stored.toPolicy();
        });
    }
}
