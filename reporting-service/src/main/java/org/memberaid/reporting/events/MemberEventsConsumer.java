package org.memberaid.reporting.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.memberaid.database.DatabaseReady;
import org.memberaid.events.CloudEvent;
import org.memberaid.events.inbox.ConsumedEvent;
import org.memberaid.events.inbox.EventStreams;
import org.memberaid.reporting.domain.MemberState;
import org.memberaid.reporting.domain.MembershipChanges;

/** Keeps per-county member counts from members.events. */
@ApplicationScoped
public class MemberEventsConsumer {

    static final String TOPIC = "members.events";
    private static final String MEMBER_EVENT_PREFIX = "memberaid.member.";
    private static final Logger LOG = Logger.getLogger(MemberEventsConsumer.class);

    @ConfigProperty(name = "memberaid.reporting.consumer-group")
    String consumerGroup;

    @Inject
    EventStreams streams;

    @Inject
    MemberStatisticsStore store;

    void start(@Observes DatabaseReady ready) {
        streams.subscribe(consumerGroup, List.of(TOPIC), this::apply);
    }

    void apply(List<ConsumedEvent> events) {
        List<MemberState> snapshots = new ArrayList<>(events.size());
        for (ConsumedEvent consumed : events) {
            CloudEvent event = consumed.event();
            if (!event.type().startsWith(MEMBER_EVENT_PREFIX)) {
                continue;
            }
            MemberState snapshot = snapshotOf(event);
            if (snapshot == null) {
                LOG.warnf("Ignoring %s %s at %s-%d@%d: data lacks countyCode, registrationStatus or hardshipStatus",
                        event.type(), event.id(), consumed.topic(), consumed.partition(), consumed.offset());
                continue;
            }
            snapshots.add(snapshot);
        }
        if (snapshots.isEmpty()) {
            return;
        }
        Set<UUID> memberIds = new LinkedHashSet<>();
        snapshots.forEach(snapshot -> memberIds.add(snapshot.memberId()));
        MembershipChanges changes = new MembershipChanges(store.lockStates(memberIds));
        snapshots.forEach(changes::apply);
        store.save(changes.changedStates(), changes.deltas());
    }

    private static MemberState snapshotOf(CloudEvent event) {
        JsonNode data = event.data();
        String county = data.path("countyCode").asText(null);
        String status = data.path("registrationStatus").asText(null);
        String hardship = data.path("hardshipStatus").asText(null);
        if (county == null || status == null || hardship == null) {
            return null;
        }
        return new MemberState(UUID.fromString(event.subject()), county, status, hardship, event.sequence());
    }
}
