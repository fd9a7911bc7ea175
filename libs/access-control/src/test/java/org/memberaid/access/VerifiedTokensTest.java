package org.memberaid.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(2), clock);

    @Test
    void answersAVerifiedTokensIdentityUntilTheTokenExpires() {
        SecurityIdentity alice = identity("token-a", "alice", NOW.plusSeconds(60));
        tokens.remember(alice);

        assertThat(tokens.find("token-a")).isSameAs(alice);
        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.find("token-a")).isSameAs(alice);
        clock.now = NOW.plusSeconds(60);
        assertThat(tokens.find("token-a")).isNull();
        clock.now = NOW;
        assertThat(tokens.find("token-a")).as("forgotten once expired").isNull();
    }

    @Test
    void knowsNothingOfATokenItWasNotGivenVerified() {
        tokens.remember(identity("token-a", "alice", NOW.plusSeconds(60)));

        assertThat(tokens.find("token-b")).isNull();
        assertThat(tokens.find("token-a ")).isNull();
    }

    @Test
    void neverRemembersAnExpiredTokenOrAnIdentityWithoutABearerToken() {
        tokens.remember(identity("token-old", "bob", NOW.minusSeconds(1)));
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(jwt("carol", NOW.plusSeconds(60))).build());

        assertThat(tokens.find("token-old")).isNull();
    }

    private static SecurityIdentity identity(String token, String subject, Instant expiresAt) {
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt(subject, expiresAt))
                .addCredential(new AccessTokenCredential(token)).addRoles(Set.of(Role.REGISTRAR)).build();
    }

    private static JsonWebToken jwt(String subject, Instant expiresAt) {
        Map<String, Object> claims = Map.of("sub", subject, "exp", expiresAt.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
