package org.memberaid.access;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Publishes how many requests reused a verified token: memberaid_verified_tokens_reused_total. */
@ApplicationScoped
class VerifiedTokenMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, VerifiedTokens tokens) {
        FunctionCounter.builder("memberaid.verified.tokens.reused", tokens, VerifiedTokens::hits)
                .description("Requests whose bearer token was verified already").register(registry);
    }
}
