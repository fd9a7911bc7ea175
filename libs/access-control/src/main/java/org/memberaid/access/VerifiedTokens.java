package org.memberaid.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identities of bearer tokens this service verified in the last minutes, so that a user's next
 * requests with the same token are not verified again: signature checking and parsing the token
 * took about half of the CPU of a registration (measured with JFR under the registration load).
 *
 * <p>Only a token that quarkus-oidc verified in full (signature, issuer, audience, lifetime) is
 * remembered ({@link VerifiedTokenRecorder}), under its exact text; it is used until it expires and
 * at most {@code memberaid.security.token-cache.ttl} after its verification. Asked first, this
 * provider answers nothing for any other token, which quarkus-oidc then verifies. As with any
 * locally verified JWT, a token the issuer revokes stays valid here until it expires.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Ahead of quarkus-oidc's provider (priority 0): providers are asked in descending priority. */
    private static final int BEFORE_THE_ISSUERS_VERIFICATION = 1_000;

    private final Cache<String, SecurityIdentity> verified;
    private final Clock clock;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "memberaid.security.token-cache.max-size", defaultValue = "2000")
            int maxSize,
            @ConfigProperty(name = "memberaid.security.token-cache.ttl", defaultValue = "2M") Duration ttl) {
        this(maxSize, ttl, Clock.systemUTC());
    }

    VerifiedTokens(int maxSize, Duration ttl, Clock clock) {
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return BEFORE_THE_ISSUERS_VERIFICATION;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(find(request.getToken().getToken()));
    }

    /** The identity verified for {@code token}, while the token lives; null otherwise. */
    SecurityIdentity find(String token) {
        SecurityIdentity identity = verified.getIfPresent(token);
        if (identity != null && expired(identity)) {
            verified.invalidate(token);
            return null;
        }
        return identity;
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
