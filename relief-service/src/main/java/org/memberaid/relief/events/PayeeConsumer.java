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
 * Keeps {@code member_payee}, whom relief pays, from members.payees: the newest payee details of
 * each member by version. The upsert only replaces a row with a newer version, so a duplicate or an
 * event older than the row changes nothing; removed details stay as a row of NULLs, so an older event
 * arriving later cannot bring them back. {@code updated_at} is when relief applied the change. An
 * event whose data relief cannot read is dead-lettered with the reason and the rest of the batch
 * applies; one the database refuses the inbox dead-letters.
 *
 * <p>Its consumer group is relief's group name with {@value #GROUP_SUFFIX}: a group of its own, so
 * its partitions, readiness check ({@code events-relief-service-payees-0}) and rebalances are apart
 * from the member replica's (two subscriptions under one group id would share one consumer name).
 */
@ApplicationScoped
public class PayeeConsumer {

    static final String TOPIC = "members.payees";
    static final String GROUP_SUFFIX = "-payees";

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
        streams.subscribe(config.consumerGroup() + GROUP_SUFFIX, List.of(TOPIC), this::apply);
    }

    void apply(List<ConsumedEvent> events) {
        Map<UUID, PayeeChange> newest = EventData.newestPerMember(events, inbox, json, PayeeChange::of, PayeeChange::memberId,
                PayeeChange::version);
        if (newest.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO member_payee (member_id, bank_account, account_holder, version, updated_at)
                    VALUES (?, ?, ?, ?, now())
                    ON CONFLICT (member_id) DO UPDATE SET bank_account = excluded.bank_account,
                        account_holder = excluded.account_holder, version = excluded.version,
                        updated_at = excluded.updated_at
                    WHERE member_payee.version < excluded.version""")) {
                for (PayeeChange change : newest.values()) {
                    upsert.setObject(1, change.memberId());
                    upsert.setString(2, change.bankAccount());
                    upsert.setString(3, change.accountHolder());
                    upsert.setLong(4, change.version());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
