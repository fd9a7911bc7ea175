package org.memberaid.members.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.memberaid.members.domain.DuplicateNationalIdException;

/** Turns every failure into an RFC 9457 problem+json answer; the one place that does so. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response duplicate(DuplicateNationalIdException e) {
        return Problem.of(409, "duplicate-national-id", "National ID already registered", e.getMessage())
                .with("existingMemberId", e.existingMemberId())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toList());
        return Problem.invalid(violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return Problem.invalid(List.of(new Problem.Violation(e.getPropertyName(), "is not a property of this request")))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return Problem.invalid(List.of(new Problem.Violation(field.isEmpty() ? "body" : field,
                "cannot be read: " + e.getOriginalMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.invalid(List.of(new Problem.Violation("body", "is not valid JSON: " + e.getOriginalMessage())))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.of(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase(),
                e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Request failed", e);
        return Problem.of(500, "internal", "Internal error", "The request could not be completed; nothing was changed")
                .toResponse();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field = field == null ? node.getName() : field + "." + node.getName();
            }
        }
        return field == null ? "body" : field;
    }
}
