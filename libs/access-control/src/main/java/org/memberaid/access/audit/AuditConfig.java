package org.memberaid.access.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the audit log is written: lines of requests that end together are committed together. */
@ConfigMapping(prefix = "memberaid.audit")
public interface AuditConfig {

    /** Audit lines written in one transaction at most. */
    @WithDefault("1024")
    int maxBatch();

    /** How long an answer waits for its audit line's commit before it goes out regardless (logged). */
    @WithDefault("30s")
    Duration commitTimeout();
}
