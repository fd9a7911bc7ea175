package org.memberaid.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Reporting's own settings ({@code memberaid.reporting.*}, env {@code MEMBERAID_REPORTING_*}), read
 * and checked once at start-up instead of field by field where they are used.
 */
@ConfigMapping(prefix = "memberaid.reporting")
public interface ReportingConfig {

    /**
     * Prefix of the consumer groups, one per projection ({@code <prefix>-projection_N}); the Kafka user
     * {@code reporting-service} may only use groups with this prefix.
     */
    String consumerGroup();

    /** Consumers per projection: each applies its own partitions, so both cores work on a backlog. */
    @WithDefault("2")
    int consumerThreads();

    Rebuild rebuild();

    Cache cache();

    Http http();

    /** How a rebuild is followed. */
    interface Rebuild {

        /** How often a running rebuild checks whether it has caught up with the live projection. */
        @WithDefault("500ms")
        Duration checkInterval();
    }

    /** The in-memory county tables. */
    interface Cache {

        /** Bounds how stale a cached county table can be when another instance applies the events. */
        @WithDefault("1s")
        Duration maxAge();
    }

    /** What the answers tell HTTP caches. */
    interface Http {

        /** How long a client may reuse a report before asking again ({@code Cache-Control: private, max-age}). */
        @WithDefault("5s")
        Duration maxAge();
    }
}
