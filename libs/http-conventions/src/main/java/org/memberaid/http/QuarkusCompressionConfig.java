package org.memberaid.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether Quarkus compresses answers ({@code quarkus.http.enable-compression}), read under
 * Quarkus' own name: {@link ResponseHeaders} settles the compression headers only where it does.
 */
@ConfigMapping(prefix = "quarkus.http")
public interface QuarkusCompressionConfig {

    @WithDefault("false")
    boolean enableCompression();
}
