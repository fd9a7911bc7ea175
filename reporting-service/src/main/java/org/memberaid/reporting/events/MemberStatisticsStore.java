package org.memberaid.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.MemberState;

/**
 * Reads and writes member states and county counts a batch at a time, inside the inbox's
 * transaction. Rows of the members in a batch are locked so two consumers never interleave.
 */
@ApplicationScoped
public class MemberStatisticsStore {

    @Inject
    EntityManager entityManager;

    public Map<UUID, MemberState> lockStates(Collection<UUID> memberIds) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT member_id, county_code, registration_status, hardship_status, version
                    FROM member_state WHERE member_id = ANY (?) FOR UPDATE""")) {
                query.setArray(1, connection.createArrayOf("uuid", memberIds.toArray()));
                Map<UUID, MemberState> states = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        MemberState state = new MemberState(rows.getObject(1, UUID.class), rows.getString(2),
                                rows.getString(3), rows.getString(4), rows.getLong(5));
                        states.put(state.memberId(), state);
                    }
                }
                return states;
            }
        });
    }

    public void save(Collection<MemberState> states, Map<String, CountyFigures> deltas) {
        session().doWork(connection -> {
            saveStates(connection, states);
            addToCounts(connection, deltas);
        });
    }

    private static void saveStates(Connection connection, Collection<MemberState> states) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO member_state (member_id, county_code, registration_status, hardship_status, version)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET county_code = excluded.county_code,
                    registration_status = excluded.registration_status, hardship_status = excluded.hardship_status,
                    version = excluded.version""")) {
            for (MemberState state : states) {
                upsert.setObject(1, state.memberId());
                upsert.setString(2, state.countyCode());
                upsert.setString(3, state.registrationStatus());
                upsert.setString(4, state.hardshipStatus());
                upsert.setLong(5, state.version());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void addToCounts(Connection connection, Map<String, CountyFigures> deltas) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO county_statistics (county_code, members_total, members_in_difficulty, members_lifted_out)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (county_code) DO UPDATE
                SET members_total = county_statistics.members_total + excluded.members_total,
                    members_in_difficulty = county_statistics.members_in_difficulty + excluded.members_in_difficulty,
                    members_lifted_out = county_statistics.members_lifted_out + excluded.members_lifted_out""")) {
            for (Map.Entry<String, CountyFigures> delta : deltas.entrySet()) {
                upsert.setString(1, delta.getKey());
                upsert.setLong(2, delta.getValue().membersTotal());
                upsert.setLong(3, delta.getValue().membersInDifficulty());
                upsert.setLong(4, delta.getValue().membersLiftedOut());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
