package org.memberaid.access;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits {@link RequestLimits} puts on request bodies ({@code memberaid.http.*}).
 *
 * <p>Static-init safe: RESTEasy Reactive creates its filters while the application is initialised
 * statically, before the run-time mappings are there. The services run on the JVM, where that
 * configuration reads the same sources (application.properties, environment) as run time.
 */
@StaticInitSafe
@ConfigMapping(prefix = "memberaid.http")
public interface RequestLimitsConfig {

    /** The largest JSON body a request may announce; a larger one is refused with 413 unread. */
    @WithDefault("64K")
    MemorySize maxJsonBody();
}
