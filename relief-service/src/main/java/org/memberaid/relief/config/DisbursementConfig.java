package org.memberaid.relief.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How disbursement requests and approvals are written ({@code memberaid.disbursement.*}). */
@ConfigMapping(prefix = "memberaid.disbursement")
public interface DisbursementConfig {

    /** Writer threads for requests, and as many for approvals. */
    @WithDefault("1")
    int writers();

    /** The most requests (or approvals) one transaction writes. */
    @WithDefault("128")
    int maxBatch();

    /**
     * How many days after today a disbursement may be dated (env MEMBERAID_DISBURSEMENT_MAX_DAYS_AHEAD):
     * a holiday visit or next month's subsidy is requested ahead, a month at most by default.
     */
    @WithDefault("31")
    int maxDaysAhead();

    /** How long a request waits for its commit before it is answered with an error. */
    @WithDefault("30s")
    Duration commitTimeout();
}
