package org.memberaid.relief.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a validated request as JSON: the same request always has the same fingerprint,
 * whatever the spacing or property order of the body it came in.
 */
@ApplicationScoped
public class RequestFingerprints {

    @Inject
    ObjectMapper json;

    public String of(Object validatedRequest) {
        try {
            byte[] canonical = json.writeValueAsString(validatedRequest).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint " + validatedRequest.getClass().getSimpleName(), e);
        }
    }
}
