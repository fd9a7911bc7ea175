package org.memberaid.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads what every request asks of a verified token once, when it is verified (its region, its
 * memberaid roles as audit lines record them), and hands the identity to {@link VerifiedTokens}.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder described = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ROLES_ATTRIBUTE, Caller.roles(identity));
        String region = Caller.regionClaim(token);
        if (region != null) {
            described.addAttribute(Caller.REGION_ATTRIBUTE, region);
        }
        SecurityIdentity verified = described.build();
        tokens.remember(verified);
        return Uni.createFrom().item(verified);
    }
}
