package org.memberaid.http;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * CORS is off until an origin list is configured, and on as soon as one is: one setting,
 * {@code quarkus.http.cors.origins} (MEMBERAID_CORS_ORIGINS in the services' configuration), not
 * two that must agree. {@code quarkus.http.cors.enabled} set explicitly (in a file, the
 * environment, a system property) still wins over its default.
 */
public class CorsSwitch implements ConfigSourceInterceptor {

    static final String ENABLED = "quarkus.http.cors.enabled";
    static final String ORIGINS = "quarkus.http.cors.origins";

    /** Below the lowest ordinal of a configuration file: a default, not a setting. */
    private static final int SETTING_ORDINALS = 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!ENABLED.equals(name) || (value != null && value.getConfigSourceOrdinal() >= SETTING_ORDINALS)) {
            return value;
        }
        // restart: the origins as finally resolved (profiles applied, expressions expanded).
        ConfigValue origins = context.restart(ORIGINS);
        if (origins == null || origins.getValue() == null || origins.getValue().isBlank()) {
            return value;
        }
        return origins.withName(ENABLED).withValue("true");
    }
}
