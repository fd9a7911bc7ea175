package org.memberaid.events.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudEvents {@code source} each consumed topic's events must carry, e.g.
 * {@code memberaid.consumer.source."members.events"=/members-service}. Only the service that owns a
 * topic may write it (Kafka ACLs); this catches what arrives there anyway (an admin's mistake, a
 * replayed foreign record) before it can change anything.
 */
@ConfigMapping(prefix = "memberaid.consumer.source")
public interface TopicSources {

    @WithParentName
    Map<String, String> topics();

    default Optional<String> of(String topic) {
        return Optional.ofNullable(topics().get(topic));
    }
}
