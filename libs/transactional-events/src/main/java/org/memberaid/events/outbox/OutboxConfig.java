package org.memberaid.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the {@link OutboxRelay} publishes the outbox. */
@ConfigMapping(prefix = "memberaid.outbox")
public interface OutboxConfig {

    /** Off in a service that publishes nothing. */
    @WithDefault("true")
    boolean enabled();

    /** The most rows one send takes from the outbox. */
    @WithDefault("1000")
    int batchSize();

    /** How often the leader looks again at an empty outbox. */
    @WithDefault("20ms")
    Duration pollInterval();

    /** How long the relay waits after Kafka did not acknowledge, or PostgreSQL failed, before trying again. */
    @WithDefault("1s")
    Duration retryWait();

    /** After how many deleted rows the relay vacuums the outbox itself. */
    @WithDefault("10000")
    int vacuumAfter();
}
