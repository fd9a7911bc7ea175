package org.memberaid.relief.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.relief.service.IdempotencyKeys;

/** The HTTP side of idempotent requests: the key header, and answers kept and replayed verbatim. */
@ApplicationScoped
public class IdempotentAnswers {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    ObjectMapper json;

    public String requireKey(String header) {
        if (header == null || header.isBlank() || header.length() > 200) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "is required (at most 200 characters)");
        }
        return header.strip();
    }

    public IdempotencyKeys.Answer created(Object body, URI location) {
        try {
            return new IdempotencyKeys.Answer(201, json.writeValueAsString(body), location.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response toResponse(IdempotencyKeys.Outcome outcome) {
        return Response.status(outcome.answer().status()).type(MediaType.APPLICATION_JSON)
                .entity(outcome.answer().body())
                .header("Location", outcome.answer().location())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .build();
    }
}
