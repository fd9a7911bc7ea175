package org.memberaid.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identities of bearer tokens this service verified in the last minutes, so that a user's next
 * requests with the same token are not verified again: signature checking and parsing the token
 * took about half of the CPU of a registration (measured with JFR under the registration load).
 *
 * <p>Only a token that quarkus-oidc verified in full (signature, issuer, audience, lifetime) is
 * remembered ({@link VerifiedTokenRecorder}), under its exact text; it is used until it expires and
 * at most {@code memberaid.security.token-cache.ttl} after its verification. This authentication
 * mechanism is tried before quarkus-oidc's and answers nothing for any other request, which
 * quarkus-oidc then authenticates as before (an identity provider of higher priority is not asked
 * for bearer tokens: quarkus-oidc's mechanism reaches its own provider). As with any locally
 * verified JWT, a token the issuer revokes stays valid here until it expires.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    /** Ahead of quarkus-oidc's mechanism: mechanisms are tried in descending priority. */
    private static final int BEFORE_THE_ISSUERS_VERIFICATION = HttpAuthenticationMechanism.DEFAULT_PRIORITY + 1_000;
    private static final String BEARER = "bearer ";

    private final Cache<String, SecurityIdentity> verified;
    private final Clock clock;
    private final LongAdder hits = new LongAdder();

    @Inject
    public VerifiedTokens(TokenCacheConfig config) {
        this(config.maxSize(), config.ttl(), Clock.systemUTC());
    }

    VerifiedTokens(int maxSize, Duration ttl, Clock clock) {
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
        this.clock = clock;
    }

    @Override
    public int getPriority() {
        return BEFORE_THE_ISSUERS_VERIFICATION;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(find(authorization.substring(BEARER.length()).strip()));
    }

    /** quarkus-oidc's mechanism answers a request without a valid token. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** The identity verified for {@code token}, while the token lives; null otherwise. */
    SecurityIdentity find(String token) {
        SecurityIdentity identity = verified.getIfPresent(token);
        if (identity != null && expired(identity)) {
            verified.invalidate(token);
            return null;
        }
        if (identity != null) {
            hits.increment();
        }
        return identity;
    }

    /** Requests whose token was found verified already (the metric memberaid_verified_tokens_reused). */
    public long hits() {
        return hits.sum();
    }

    /** Remembers an identity that was verified from a bearer token. */
    void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken && !expired(identity)
                && verified.getIfPresent(credential.getToken()) == null) {
            verified.put(credential.getToken(), identity);
        }
    }

    private boolean expired(SecurityIdentity identity) {
        long expiresAt = ((JsonWebToken) identity.getPrincipal()).getExpirationTime();
        return expiresAt <= clock.instant().getEpochSecond();
    }
}
