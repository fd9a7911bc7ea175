package org.memberaid.http;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * CORS is off until an origin list is configured, and on as soon as one is: one setting,
 * {@code quarkus.http.cors.origins} (MEMBERAID_CORS_ORIGINS in the services' configuration), not
 * two that must agree. {@code quarkus.http.cors.enabled} set explicitly still wins.
 */
public class CorsSwitch implements ConfigSourceInterceptor {

    static final String ENABLED = "quarkus.http.cors.enabled";
    static final String ORIGINS = "quarkus.http.cors.origins";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !ENABLED.equals(name)) {
            return value;
        }
        // restart: the origins as finally resolved (profiles applied, expressions expanded).
        ConfigValue origins = context.restart(ORIGINS);
        if (origins == null || origins.getValue() == null || origins.getValue().isBlank()) {
            return null;
        }
        return origins.withName(ENABLED).withValue("true");
    }
}
