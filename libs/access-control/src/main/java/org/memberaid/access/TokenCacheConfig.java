package org.memberaid.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many verified tokens {@link VerifiedTokens} remembers, and for how long ({@code memberaid.security.token-cache.*}). */
@ConfigMapping(prefix = "memberaid.security.token-cache")
public interface TokenCacheConfig {

    /** Tokens remembered at most; the least recently used go first. */
    @WithDefault("2000")
    int maxSize();

    /** How long after its verification a token is used without verifying it again (at most until it expires). */
    @WithDefault("2M")
    Duration ttl();
}
