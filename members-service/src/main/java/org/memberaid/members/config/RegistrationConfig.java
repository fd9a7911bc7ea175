package org.memberaid.members.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How registrations are written together ({@code memberaid.registration.*}, {@code RegistrationWriter}). */
@ConfigMapping(prefix = "memberaid.registration")
public interface RegistrationConfig {

    /**
     * Writer threads, each writing its own batches: while one waits for its commit (the WAL flush),
     * another can write.
     */
    @WithDefault("2")
    int writers();

    /** The most registrations one transaction writes. */
    @WithDefault("256")
    int maxBatch();

    /**
     * How long a registration waits for its commit before it is answered with an error. The
     * registration is still written after that ({@code GroupCommit} bounds the wait, not the write),
     * so a retry may find its national ID registered (409).
     */
    @WithDefault("30s")
    Duration commitTimeout();
}
