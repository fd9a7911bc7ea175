package org.memberaid.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Below what size {@link ResponseHeaders} keeps an answer uncompressed ({@code memberaid.http.*}).
 * Whether Quarkus compresses at all is its own {@link QuarkusCompressionConfig}.
 */
@ConfigMapping(prefix = "memberaid.http")
public interface CompressionConfig {

    /** Smaller answers go out uncompressed: deflating them costs more than the bytes it saves. */
    @WithDefault("1K")
    MemorySize compressionThreshold();
}
