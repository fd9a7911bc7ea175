package org.memberaid.events.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service's consumers poll, apply and recover; the sources of their topics are {@link TopicSources}. */
@ConfigMapping(prefix = "memberaid.consumer")
public interface InboxConfig {

    /** The largest batch one poll returns, and so one transaction applies. */
    @WithDefault("2000")
    int maxPollRecords();

    /** How long the broker may hold a fetch to fill it: larger batches, far fewer transactions under load. */
    @WithDefault("100ms")
    Duration fetchMaxWait();

    /** How long a consumer waits before reading a batch again that failed for a passing reason (database away). */
    @WithDefault("1s")
    Duration retryWait();

    /**
     * Off by default: a batch's effects, its event ids and its offsets commit together, so a
     * commit lost in a crash only means the batch is read again from the stored offsets.
     */
    @WithDefault("false")
    boolean synchronousCommit();

    /** How long a consumer that died waits before its first restart; each further death doubles it. */
    @WithDefault("1s")
    Duration restartWait();

    /** The longest wait before a restart; a consumer that ran this long before dying starts over at the first. */
    @WithDefault("30s")
    Duration restartMaxWait();
}
