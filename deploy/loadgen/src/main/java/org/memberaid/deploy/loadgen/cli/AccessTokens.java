package org.memberaid.deploy.loadgen.cli;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The OIDC access tokens the load generator's requests carry, one per role, read from the
 * environment variables {@code MEMBERAID_TOKEN_REGISTRAR}, {@code ..._CASEWORKER},
 * {@code ..._APPROVER}, {@code ..._ADMIN} and {@code ..._ANALYST} (deploy/loadgen.sh sets those
 * the caller did not, from deploy/token.sh). A token is read once: a run must end within its
 * lifetime (15 minutes on the local Keycloak).
 */
public final class AccessTokens {

    /** The realm roles of memberaid that the scenarios act as. */
    public enum Role {
        REGISTRAR, CASEWORKER, APPROVER, ADMIN, ANALYST;

        /** The environment variable that holds this role's token. */
        public String variable() {
            return "MEMBERAID_TOKEN_" + name();
        }
    }

    /** A scenario needs a role whose token was not given. */
    public static final class MissingTokenException extends RuntimeException {

        MissingTokenException(Role role) {
            super("no access token for the role " + role.name().toLowerCase(Locale.ROOT) + ": set " + role.variable()
                    + " (deploy/loadgen.sh gets one from deploy/token.sh when Keycloak runs)");
        }
    }

    public static final String AUTHORIZATION = "Authorization";

    private final Map<Role, String> tokens;

    private AccessTokens(Map<Role, String> tokens) {
        this.tokens = tokens;
    }

    public static AccessTokens fromEnvironment() {
        return from(role -> System.getenv(role.variable()));
    }

    /** @param tokens gives the token of a role, or null (or blank) when there is none */
    public static AccessTokens from(Function<Role, String> tokens) {
        Map<Role, String> found = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String token = tokens.apply(role);
            if (token != null && !token.isBlank()) {
                found.put(role, token.strip());
            }
        }
        return new AccessTokens(found);
    }

    /** The value of the Authorization header for {@code role}: {@code Bearer <token>}. */
    public String bearer(Role role) {
        String token = tokens.get(role);
        if (token == null) {
            throw new MissingTokenException(role);
        }
        return "Bearer " + token;
    }

    /** Fails, before any request is sent, when the token of one of {@code roles} is missing. */
    public void require(Role... roles) {
        for (Role role : roles) {
            bearer(role);
        }
    }
}
