package org.memberaid.members.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The census import's limits ({@code memberaid.import.*}). */
@ConfigMapping(prefix = "memberaid.import")
public interface ImportConfig {

    /**
     * The most rows one import takes: a file with more imports nothing and is answered 413 naming
     * the limit, before anything is written.
     */
    @WithDefault("100000")
    long maxRows();
}
