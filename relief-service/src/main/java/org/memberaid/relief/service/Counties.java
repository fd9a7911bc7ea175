package org.memberaid.relief.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.memberaid.relief.domain.NotFoundException;

/** The county codes of the reference data; they change only by migration, so they are read once. */
@ApplicationScoped
public class Counties {

    @Inject
    EntityManager entityManager;

    private volatile Set<String> codes;

    public boolean isCounty(String code) {
        if (codes == null) {
            List<?> rows = QuarkusTransaction.joiningExisting().call(() -> entityManager
                    .createNativeQuery("SELECT code FROM region WHERE level = 'COUNTY'").getResultList());
            codes = Set.copyOf(rows.stream().map(String::valueOf).toList());
        }
        return codes.contains(code);
    }

    public void requireCounty(String code) {
        if (!isCounty(code)) {
            throw new NotFoundException("No county with code " + code);
        }
    }
}
