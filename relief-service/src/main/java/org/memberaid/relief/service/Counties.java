package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.relief.domain.NotFoundException;

/** The county codes of the reference data; they change only by migration, so they are read once. */
@ApplicationScoped
public class Counties {

    @Inject
    JdbcTransactions transactions;

    private volatile Set<String> codes;

    public boolean isCounty(String code) {
        if (codes == null) {
            codes = transactions.run(connection -> {
                Set<String> found = new HashSet<>();
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT code FROM region WHERE level = 'COUNTY'");
                        ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        found.add(row.getString("code"));
                    }
                }
                return Set.copyOf(found);
            });
        }
        return codes.contains(code);
    }

    public void requireCounty(String code) {
        if (!isCounty(code)) {
            throw new NotFoundException("No county with code " + code);
        }
    }
}
