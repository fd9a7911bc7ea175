package org.memberaid.testing;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens shaped like the memberaid realm's (claims {@code sub}, {@code realm_access.roles},
 * {@code region}, audience {@code memberaid-api}), signed with the key that Quarkus' OIDC test server
 * ({@code OidcWiremockTestResource}, issuer {@value #ISSUER}) publishes. A service under test points
 * {@code quarkus.oidc.auth-server-url} at that server.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "memberaid-api";
    private static final String SIGNING_KEY = "privateKey.jwk";
    private static final String KEY_ID = "1";
    private static final String AUTHORIZATION = "Authorization";

    private TestTokens() {
    }

    /** A valid token of {@code subject}, working in {@code region}, holding {@code roles}. */
    public static String token(String subject, String region, String... roles) {
        return claims(subject, region, roles).jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    /** {@code Authorization} header value for {@link #token}. */
    public static String bearer(String subject, String region, String... roles) {
        return "Bearer " + token(subject, region, roles);
    }

    /**
     * Makes every later rest-assured request of this JVM carry {@link #bearer} unless it sends an
     * {@code Authorization} header of its own (which then replaces it).
     */
    public static void actAs(String subject, String region, String... roles) {
        RestAssured.config = RestAssured.config().headerConfig(
                HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization", "Content-Type", "Accept"));
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", bearer(subject, region, roles)).build();
    }

    /** A request carrying {@link #bearer} of this user. */
    public static RequestSpecification as(String subject, String region, String... roles) {
        return RestAssured.given().header(AUTHORIZATION, bearer(subject, region, roles));
    }

    /** A request carrying {@code token} as its bearer token. */
    public static RequestSpecification withToken(String token) {
        return RestAssured.given().header(AUTHORIZATION, "Bearer " + token);
    }

    /**
     * Requests every service must answer 401: without a token, and with tokens of this user that
     * carry a bad signature, expired, come from another issuer, or are no JWT at all.
     */
    public static List<RequestSpecification> unauthenticated(String subject, String region, String... roles) {
        return List.of(RestAssured.given().header(AUTHORIZATION, ""),
                withToken(badlySigned(subject, region, roles)),
                withToken(expired(subject, region, roles)),
                withToken(fromAnotherIssuer(subject, region, roles)),
                withToken("not-a-token"));
    }

    /** A token that expired a minute ago. */
    public static String expired(String subject, String region, String... roles) {
        Instant now = Instant.now();
        return claims(subject, region, roles).issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(60))
                .jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    /** A token issued by someone else, signed with the right key. */
    public static String fromAnotherIssuer(String subject, String region, String... roles) {
        return claims(subject, region, roles).issuer("https://elsewhere.example.com").jws().keyId(KEY_ID)
                .sign(SIGNING_KEY);
    }

    /** A token claiming the right key id but signed with another key. */
    public static String badlySigned(String subject, String region, String... roles) {
        return claims(subject, region, roles).jws().keyId(KEY_ID).sign(strangerKey());
    }

    /** A token without a region claim. */
    public static String withoutRegion(String subject, String... roles) {
        return Jwt.claims().issuer(ISSUER).subject(subject).audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles))).expiresIn(300)
                .jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    private static JwtClaimsBuilder claims(String subject, String region, String... roles) {
        return Jwt.claims().issuer(ISSUER).subject(subject).audience(Set.of(AUDIENCE))
                .claim("preferred_username", subject).claim("region", region)
                .claim("realm_access", Map.of("roles", List.of(roles))).expiresIn(300);
    }

    private static PrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
