package org.memberaid.events.outbox;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The CloudEvents {@code source} of the events this service publishes, e.g. {@code /members-service}:
 * what consumers check against the owner of the topic. Optional here because a service that
 * publishes nothing has none; the {@link Outbox} refuses to record an event without it.
 */
@ConfigMapping(prefix = "memberaid.events")
public interface EventSourceConfig {

    Optional<String> source();
}
