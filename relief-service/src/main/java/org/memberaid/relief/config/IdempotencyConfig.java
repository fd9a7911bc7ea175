package org.memberaid.relief.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long an answer is kept for a retry with the same {@code Idempotency-Key}. */
@ConfigMapping(prefix = "memberaid.idempotency")
public interface IdempotencyConfig {

    @WithDefault("48h")
    Duration retention();
}
