package org.memberaid.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is making the current request, from their verified bearer token: the subject ({@code sub},
 * the stable id every actor field records), their roles and their region. Actors are never taken
 * from a request body.
 */
@RequestScoped
public class Caller {

    public static final String REGION_CLAIM = "region";

    /** The identity's {@code region} claim, read once per verified token ({@link VerifiedTokenRecorder}). */
    static final String REGION_ATTRIBUTE = "memberaid.region";

    /** The identity's memberaid roles, sorted, comma-separated, as audit lines record them. */
    static final String ROLES_ATTRIBUTE = "memberaid.roles";

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
                token();
                region = RegionScope.of(regionClaim(identity));
            } catch (IllegalArgumentException e) {
                throw new ForbiddenException("The token carries no valid region claim");
            }
        }
        return region;
    }

    /** The text of the {@code region} claim of a token-verified {@code identity}, or null. */
    public static String regionClaim(SecurityIdentity identity) {
        String described = identity.getAttribute(REGION_ATTRIBUTE);
        return described != null ? described : regionClaim((JsonWebToken) identity.getPrincipal());
    }

    /** The identity's memberaid roles, sorted and comma-separated (e.g. "approver,caseworker"). */
    public static String roles(SecurityIdentity identity) {
        String described = identity.getAttribute(ROLES_ATTRIBUTE);
        return described != null ? described
                : identity.getRoles().stream().filter(Role.ALL::contains).sorted().collect(Collectors.joining(","));
    }

    /**
     * The text of a token's {@code region} claim, or null. Costly: smallrye-jwt looks every claim name
     * up among the standard ones and throws (and catches) for any other; read it once per token.
     */
    static String regionClaim(JsonWebToken token) {
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
