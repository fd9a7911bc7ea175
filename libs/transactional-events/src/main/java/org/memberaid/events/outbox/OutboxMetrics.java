package org.memberaid.events.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The relay's leadership and output, for an operator running several instances:
 * {@code memberaid_outbox_relay_leader} (1 on the one instance that relays the outbox, 0 on the
 * others; the sum over the instances of a service is 1, except for the seconds of a takeover) and
 * {@code memberaid_outbox_published_total}.
 */
@ApplicationScoped
class OutboxMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("memberaid.outbox.relay.leader", relay, r -> r.isLeader() ? 1 : 0)
                .description("1 when this instance relays the outbox to Kafka, 0 when it stands by").register(registry);
        FunctionCounter.builder("memberaid.outbox.published", relay, OutboxRelay::published)
                .description("Outbox events this instance published to Kafka").register(registry);
    }
}
