package org.memberaid.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.memberaid.reporting.domain.DisbursementState;
import org.memberaid.reporting.domain.FundState;
import org.memberaid.reporting.domain.Ledger;
import org.memberaid.reporting.domain.Measure;
import org.memberaid.reporting.domain.MemberState;

/**
 * Reads and writes a projection's tables a batch at a time, inside the inbox's transaction (the
 * search path names the projection's schema). The rows of a batch's members, funds and
 * disbursements are locked first, so two consumers never interleave on one of them.
 */
@ApplicationScoped
public class ProjectionStore {

    /** Maps one locked row to its state. */
    @FunctionalInterface
    private interface RowReader<S> {
        S read(ResultSet row) throws SQLException;
    }

    @Inject
    EntityManager entityManager;

    public Map<UUID, MemberState> lockMembers(Collection<UUID> ids) {
        return lock("""
                SELECT member_id, county_code, registration_status, hardship_status, version, since
                FROM member_state WHERE member_id = ANY (?) ORDER BY member_id FOR UPDATE""", ids,
                row -> new MemberState(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getLong(5), row.getDate(6).toLocalDate()), MemberState::memberId);
    }

    public Map<UUID, FundState> lockFunds(Collection<UUID> ids) {
        return lock("""
                SELECT fund_id, county_code, year, kind, budget, version
                FROM fund_state WHERE fund_id = ANY (?) ORDER BY fund_id FOR UPDATE""", ids,
                row -> new FundState(row.getObject(1, UUID.class), row.getString(2), row.getInt(3), row.getString(4),
                        row.getBigDecimal(5), row.getLong(6)), FundState::id);
    }

    public Map<UUID, DisbursementState> lockDisbursements(Collection<UUID> ids) {
        return lock("""
                SELECT disbursement_id, member_id, county_code, month, kind, amount, status, version
                FROM disbursement_state WHERE disbursement_id = ANY (?) ORDER BY disbursement_id FOR UPDATE""", ids,
                row -> new DisbursementState(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getString(3), row.getDate(4).toLocalDate(), row.getString(5), row.getBigDecimal(6),
                        row.getString(7), row.getLong(8)), DisbursementState::id);
    }

    public void saveMembers(Collection<MemberState> states) {
        if (states.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[states.size()];
        String[] counties = new String[ids.length];
        String[] registrations = new String[ids.length];
        String[] hardships = new String[ids.length];
        Long[] versions = new Long[ids.length];
        Date[] since = new Date[ids.length];
        int i = 0;
        for (MemberState state : states) {
            ids[i] = state.memberId();
            counties[i] = state.countyCode();
            registrations[i] = state.registrationStatus();
            hardships[i] = state.hardshipStatus();
            since[i] = Date.valueOf(state.since());
            versions[i++] = state.version();
        }
        // One statement with arrays, planned once, rather than thousands of rows of parameters.
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO member_state (member_id, county_code, registration_status, hardship_status, version, since)
                    SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::date[])
                    ON CONFLICT (member_id) DO UPDATE SET county_code = excluded.county_code,
                        registration_status = excluded.registration_status, hardship_status = excluded.hardship_status,
                        version = excluded.version, since = excluded.since""")) {
                upsert.setArray(1, connection.createArrayOf("uuid", ids));
                upsert.setArray(2, connection.createArrayOf("varchar", counties));
                upsert.setArray(3, connection.createArrayOf("varchar", registrations));
                upsert.setArray(4, connection.createArrayOf("varchar", hardships));
                upsert.setArray(5, connection.createArrayOf("int8", versions));
                upsert.setArray(6, connection.createArrayOf("date", since));
                upsert.executeUpdate();
            }
        });
    }

    public void saveFunds(Collection<FundState> states) {
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO fund_state (fund_id, county_code, year, kind, budget, version) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (fund_id) DO UPDATE SET county_code = excluded.county_code, year = excluded.year,
                        kind = excluded.kind, budget = excluded.budget, version = excluded.version""")) {
                for (FundState state : states) {
                    upsert.setObject(1, state.id());
                    upsert.setString(2, state.countyCode());
                    upsert.setInt(3, state.year());
                    upsert.setString(4, state.kind());
                    upsert.setBigDecimal(5, state.budget());
                    upsert.setLong(6, state.version());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    public void saveDisbursements(Collection<DisbursementState> states) {
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO disbursement_state
                        (disbursement_id, member_id, county_code, month, kind, amount, status, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (disbursement_id) DO UPDATE SET member_id = excluded.member_id,
                        county_code = excluded.county_code, month = excluded.month, kind = excluded.kind,
                        amount = excluded.amount, status = excluded.status, version = excluded.version""")) {
                for (DisbursementState state : states) {
                    upsert.setObject(1, state.id());
                    upsert.setObject(2, state.memberId());
                    upsert.setString(3, state.countyCode());
                    upsert.setDate(4, Date.valueOf(state.month()));
                    upsert.setString(5, state.kind());
                    upsert.setBigDecimal(6, state.amount());
                    upsert.setString(7, state.status());
                    upsert.setLong(8, state.version());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /**
     * Adds a batch's changes to the monthly and yearly figures (the stock's among them) and the
     * distinct values' weights, and moves the yearly distinct counts where a weight crossed zero.
     */
    public void apply(Ledger ledger) {
        session().doWork(connection -> {
            addToFigures(connection, ledger.figures());
            addToYearFigures(connection, ledger.yearFigures());
            addToWeights(connection, ledger.distinct());
            addToYearWeights(connection, ledger.yearDistinct());
        });
    }

    private static void addToFigures(Connection connection, Map<Ledger.MonthKey, BigDecimal> deltas)
            throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        String[] counties = new String[deltas.size()];
        Date[] months = new Date[counties.length];
        String[] figures = new String[counties.length];
        BigDecimal[] amounts = new BigDecimal[counties.length];
        int i = 0;
        for (Map.Entry<Ledger.MonthKey, BigDecimal> delta : deltas.entrySet()) {
            counties[i] = delta.getKey().countyCode();
            months[i] = Date.valueOf(delta.getKey().month());
            figures[i] = delta.getKey().figure().name();
            amounts[i++] = delta.getValue();
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO county_month_figure (county_code, month, figure, amount)
                SELECT * FROM unnest(?::varchar[], ?::date[], ?::varchar[], ?::numeric[])
                ON CONFLICT (county_code, month, figure) DO UPDATE
                SET amount = county_month_figure.amount + excluded.amount""")) {
            upsert.setArray(1, connection.createArrayOf("varchar", counties));
            upsert.setArray(2, connection.createArrayOf("date", months));
            upsert.setArray(3, connection.createArrayOf("varchar", figures));
            upsert.setArray(4, connection.createArrayOf("numeric", amounts));
            upsert.executeUpdate();
        }
    }

    private static void addToYearFigures(Connection connection, Map<Ledger.YearKey, BigDecimal> deltas)
            throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        Integer[] years = new Integer[deltas.size()];
        String[] counties = new String[years.length];
        String[] figures = new String[years.length];
        BigDecimal[] amounts = new BigDecimal[years.length];
        int i = 0;
        for (Map.Entry<Ledger.YearKey, BigDecimal> delta : deltas.entrySet()) {
            years[i] = delta.getKey().year();
            counties[i] = delta.getKey().countyCode();
            figures[i] = delta.getKey().figure().name();
            amounts[i++] = delta.getValue();
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO county_year_figure (year, county_code, figure, amount)
                SELECT * FROM unnest(?::int[], ?::varchar[], ?::varchar[], ?::numeric[])
                ON CONFLICT (year, county_code, figure) DO UPDATE SET amount = county_year_figure.amount + excluded.amount
                """)) {
            upsert.setArray(1, connection.createArrayOf("int4", years));
            upsert.setArray(2, connection.createArrayOf("varchar", counties));
            upsert.setArray(3, connection.createArrayOf("varchar", figures));
            upsert.setArray(4, connection.createArrayOf("numeric", amounts));
            upsert.executeUpdate();
        }
    }

    /**
     * Adds to the yearly weights in one statement, reads back the new weights, and counts a value
     * in (out) of its county's year where its weight rose above (fell to) zero.
     */
    private static void addToYearWeights(Connection connection, Map<Ledger.YearDistinctKey, Integer> deltas)
            throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        int size = deltas.size();
        String[] counties = new String[size];
        Integer[] years = new Integer[size];
        String[] measures = new String[size];
        String[] values = new String[size];
        Integer[] weights = new Integer[size];
        int i = 0;
        for (Map.Entry<Ledger.YearDistinctKey, Integer> delta : deltas.entrySet()) {
            counties[i] = delta.getKey().countyCode();
            years[i] = delta.getKey().year();
            measures[i] = delta.getKey().measure().name();
            values[i] = delta.getKey().value();
            weights[i] = delta.getValue();
            i++;
        }
        Map<Ledger.YearCountKey, Long> presence = new TreeMap<>(Ledger.YEAR_COUNT_ORDER);
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO distinct_year_value (county_code, year, measure, value, weight)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::text[], ?::int[])
                ON CONFLICT (county_code, year, measure, value) DO UPDATE
                SET weight = distinct_year_value.weight + excluded.weight
                RETURNING county_code, year, measure, value, weight""")) {
            upsert.setArray(1, connection.createArrayOf("varchar", counties));
            upsert.setArray(2, connection.createArrayOf("int4", years));
            upsert.setArray(3, connection.createArrayOf("varchar", measures));
            upsert.setArray(4, connection.createArrayOf("text", values));
            upsert.setArray(5, connection.createArrayOf("int4", weights));
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    Ledger.YearDistinctKey key = new Ledger.YearDistinctKey(rows.getString(1), rows.getInt(2),
                            Measure.valueOf(rows.getString(3)), rows.getString(4));
                    int after = rows.getInt(5);
                    int before = after - deltas.get(key);
                    long change = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
                    if (change != 0) {
                        presence.merge(key.countKey(), change, Long::sum);
                    }
                }
            }
        }
        if (presence.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO county_year_distinct (year, county_code, measure, present) VALUES (?, ?, ?, ?)
                ON CONFLICT (year, county_code, measure) DO UPDATE
                SET present = county_year_distinct.present + excluded.present""")) {
            for (Map.Entry<Ledger.YearCountKey, Long> change : presence.entrySet()) {
                upsert.setInt(1, change.getKey().year());
                upsert.setString(2, change.getKey().countyCode());
                upsert.setString(3, change.getKey().measure().name());
                upsert.setLong(4, change.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void addToWeights(Connection connection, Map<Ledger.DistinctKey, Integer> deltas)
            throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO distinct_value (county_code, month, measure, value, weight) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (county_code, month, measure, value) DO UPDATE
                SET weight = distinct_value.weight + excluded.weight""")) {
            for (Map.Entry<Ledger.DistinctKey, Integer> delta : deltas.entrySet()) {
                upsert.setString(1, delta.getKey().countyCode());
                upsert.setDate(2, Date.valueOf(delta.getKey().month()));
                upsert.setString(3, delta.getKey().measure().name());
                upsert.setString(4, delta.getKey().value());
                upsert.setInt(5, delta.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private <S> Map<UUID, S> lock(String sql, Collection<UUID> ids, RowReader<S> reader,
            Function<S, UUID> key) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                Map<UUID, S> states = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        S state = reader.read(rows);
                        states.put(key.apply(state), state);
                    }
                }
                return states;
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
