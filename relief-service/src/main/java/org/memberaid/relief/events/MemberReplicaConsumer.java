package org.memberaid.relief.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.memberaid.database.DatabaseReady;
import org.memberaid.events.inbox.ConsumedEvent;
import org.memberaid.events.inbox.EventInbox;
import org.memberaid.events.inbox.EventStreams;

/**
 * Keeps the member replica from members.events. The upsert only replaces a row with a newer
 * version, so a duplicate or an event older than the state held changes nothing. An event whose
 * data relief cannot read (a missing field, a bad date, an unknown type) is dead-lettered with the
 * reason and the rest of the batch applies; one the database refuses the inbox dead-letters.
 */
@ApplicationScoped
public class MemberReplicaConsumer {

    static final String TOPIC = "members.events";

    @Inject
    ReplicaConsumerConfig config;

    @Inject
    EventStreams streams;

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    void start(@Observes DatabaseReady ready) {
        streams.subscribe(config.consumerGroup(), List.of(TOPIC), this::apply);
    }

    void apply(List<ConsumedEvent> events) {
        Map<UUID, MemberChange> newest = EventData.newestPerMember(events, inbox, json, MemberChange::of, MemberChange::memberId,
                MemberChange::version);
        if (newest.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO member_replica (id, county_code, birth_date, joined_party_on, labor_capacity,
                        annual_income, notable_contribution, hardship_status, registration_status, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET county_code = excluded.county_code,
                        birth_date = excluded.birth_date, joined_party_on = excluded.joined_party_on,
                        labor_capacity = excluded.labor_capacity, annual_income = excluded.annual_income,
                        notable_contribution = excluded.notable_contribution,
                        hardship_status = excluded.hardship_status,
                        registration_status = excluded.registration_status, version = excluded.version
                    WHERE member_replica.version < excluded.version""")) {
                for (MemberChange change : newest.values()) {
                    MemberChange.Data data = change.data();
                    upsert.setObject(1, change.memberId());
                    upsert.setString(2, data.countyCode());
                    upsert.setObject(3, data.birthDate());
                    upsert.setObject(4, data.joinedPartyOn());
                    upsert.setString(5, data.laborCapacity());
                    upsert.setBigDecimal(6, data.annualIncome());
                    upsert.setBoolean(7, data.notableContribution());
                    upsert.setString(8, data.hardshipStatus());
                    upsert.setString(9, data.registrationStatus());
                    upsert.setLong(10, change.version());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
