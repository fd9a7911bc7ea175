package org.memberaid.relief.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.memberaid.database.DatabaseReady;
import org.memberaid.events.CloudEvent;
import org.memberaid.events.inbox.ConsumedEvent;
import org.memberaid.events.inbox.EventStreams;

/**
 * Keeps the member replica from members.events. The upsert only replaces a row with a newer
 * version, so a duplicate or an event older than the state held changes nothing.
 */
@ApplicationScoped
public class MemberReplicaConsumer {

    static final String TOPIC = "members.events";
    private static final String MEMBER_EVENT_PREFIX = "memberaid.member.";
    private static final Logger LOG = Logger.getLogger(MemberReplicaConsumer.class);

    @ConfigProperty(name = "memberaid.relief.consumer-group")
    String consumerGroup;

    @Inject
    EventStreams streams;

    @Inject
    EntityManager entityManager;

    void start(@Observes DatabaseReady ready) {
        streams.subscribe(consumerGroup, List.of(TOPIC), this::apply);
    }

    void apply(List<ConsumedEvent> events) {
        // One row per member and batch, the newest: a multi-row upsert may not touch a row twice.
        Map<String, ConsumedEvent> newest = new LinkedHashMap<>();
        for (ConsumedEvent consumed : events) {
            newest.merge(consumed.event().subject(), consumed,
                    (held, next) -> next.event().sequence() > held.event().sequence() ? next : held);
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
                int batched = 0;
                for (ConsumedEvent consumed : newest.values()) {
                    CloudEvent event = consumed.event();
                    JsonNode data = event.data();
                    if (!event.type().startsWith(MEMBER_EVENT_PREFIX)) {
                        continue;
                    }
                    if (!data.hasNonNull("countyCode") || !data.hasNonNull("birthDate")
                            || !data.hasNonNull("hardshipStatus") || !data.hasNonNull("registrationStatus")) {
                        LOG.warnf("Ignoring %s %s at %s-%d@%d: data lacks fields relief needs", event.type(), event.id(),
                                consumed.topic(), consumed.partition(), consumed.offset());
                        continue;
                    }
                    upsert.setObject(1, UUID.fromString(event.subject()));
                    upsert.setString(2, data.get("countyCode").asText());
                    upsert.setDate(3, Date.valueOf(LocalDate.parse(data.get("birthDate").asText())));
                    upsert.setDate(4, data.hasNonNull("joinedPartyOn")
                            ? Date.valueOf(LocalDate.parse(data.get("joinedPartyOn").asText())) : null);
                    upsert.setString(5, data.hasNonNull("laborCapacity") ? data.get("laborCapacity").asText() : null);
                    upsert.setBigDecimal(6, data.hasNonNull("annualIncome")
                            ? new BigDecimal(data.get("annualIncome").asText()) : null);
                    upsert.setBoolean(7, data.path("notableContribution").asBoolean(false));
                    upsert.setString(8, data.get("hardshipStatus").asText());
                    upsert.setString(9, data.get("registrationStatus").asText());
                    upsert.setLong(10, event.sequence());
                    upsert.addBatch();
                    batched++;
                }
                if (batched > 0) {
                    upsert.executeBatch();
                }
            }
        });
    }
}
