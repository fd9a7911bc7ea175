package org.memberaid.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is making the current request, from their verified bearer token: the subject ({@code sub},
 * the stable id every actor field records), their roles and their region. Actors are never taken
 * from a request body.
 */
@RequestScoped
public class Caller {

    public static final String REGION_CLAIM = "region";

    @Inject
    SecurityIdentity identity;

    private RegionScope region;

    /** The token's {@code sub}. */
    public String subject() {
        return token().getSubject();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's region; a token without a valid {@code region} claim may do nothing (403). */
    public RegionScope region() {
        if (region == null) {
            try {
                region = RegionScope.of(regionClaim(token()));
            } catch (IllegalArgumentException e) {
                throw new ForbiddenException("The token carries no valid region claim");
            }
        }
        return region;
    }

    /** The text of a token's {@code region} claim, or null. */
    public static String regionClaim(JsonWebToken token) {
        Object claim = token.getClaim(REGION_CLAIM);
        return claim instanceof JsonString text ? text.getString() : claim == null ? null : claim.toString();
    }

    /** Whether the county (or city, province) {@code regionCode} is inside the caller's region. */
    public boolean covers(String regionCode) {
        return region().covers(regionCode);
    }

    private JsonWebToken token() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return token;
    }
}
