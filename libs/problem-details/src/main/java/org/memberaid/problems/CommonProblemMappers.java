package org.memberaid.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures every service answers the same way, as RFC 9457 problem+json: invalid input
 * (each violation naming its field), unreadable JSON, plain HTTP errors and the unexpected.
 * A service adds its own mappers for its domain's exceptions.
 */
public class CommonProblemMappers {

    private static final Logger LOG = Logger.getLogger(CommonProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return Problem.invalid(e.violations()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .collect(Collectors.toList());
        return Problem.invalid(violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return Problem.invalid(List.of(new Violation(pathOf(e), "is not a property of this request"))).toResponse();
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.toString(target.getEnumConstants());
        } else if (target == LocalDate.class) {
            message = "must be a date yyyy-MM-dd";
        } else {
            message = "has a value of the wrong type";
        }
        return Problem.invalid(List.of(new Violation(pathOf(e), message))).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        return Problem.invalid(List.of(new Violation(pathOf(e), "cannot be read: " + e.getOriginalMessage())))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.invalid(List.of(new Violation("body", "is not valid JSON: " + e.getOriginalMessage())))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // Quarkus REST wraps some body-parsing failures; answer them like the unwrapped ones.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformed(parsing);
        }
        return problemOf(e);
    }

    /**
     * A plain HTTP error as problem+json, keeping the headers its response carries (an
     * {@code Allow}, a {@code Retry-After}, a {@code WWW-Authenticate}).
     */
    public static Response problemOf(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder problem = Response.fromResponse(Problem.of(status.getStatusCode(),
                "http-" + status.getStatusCode(), status.getReasonPhrase(), e.getMessage()).toResponse());
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem.build();
    }

    /** A bounded queue of work refused the request: the service is behind, nothing was done. */
    @ServerExceptionMapper
    public Response busy(RejectedExecutionException e) {
        return Response.fromResponse(Problem.of(503, "busy", "Service busy",
                e.getMessage() == null ? "Too many requests are waiting; retry in a moment" : e.getMessage())
                .toResponse()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return failed(e);
    }

    /** A resource that reads the database itself may let its SQLException out. */
    @ServerExceptionMapper
    public Response sql(SQLException e) {
        return failed(e);
    }

    /**
     * The database cannot be reached, or refuses connections for now (down, starting up, out of
     * connections): 503 with Retry-After, nothing was done, and the request may succeed once it is
     * back (logged at debug only: an outage is logged once by the database bootstrap and readiness
     * shows it, not once per request). Anything else is a 500.
     */
    private static Response failed(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            LOG.debugf("Request refused, the database is unavailable: %s", DatabaseUnavailable.describe(e));
            return Response.fromResponse(Problem.of(503, "database-unavailable", "Service unavailable",
                    "The database cannot be reached; nothing was changed. Retry in a moment").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Request failed", e);
        return Problem.of(500, "internal", "Internal error", "The request could not be completed; nothing was changed")
                .toResponse();
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path.replace(".[", "[");
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return field == null ? "body" : field;
    }
}
