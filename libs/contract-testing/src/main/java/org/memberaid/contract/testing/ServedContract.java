package org.memberaid.contract.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A rest-assured filter that checks each exchange with an {@code /api} path against the OpenAPI
 * document the service under test serves at {@value #DOCUMENT}, read once per running service:
 * <ul>
 * <li>the answer always: its status must be documented for the operation, its media type, body and
 * required headers as documented;</li>
 * <li>the request only when it was answered with success: a test may send what the document calls
 * invalid on purpose, and then the service must refuse it (4xx); a request the document calls
 * invalid that succeeds means the document is stricter than the service.</li>
 * </ul>
 * A mismatch fails the test with every violation, the exchange's method, path and status.
 */
public final class ServedContract implements Filter {

    static final String DOCUMENT = "/q/openapi?format=json";
    private static final String API = "/api/";
    private static final int BODY_SHOWN = 2000;

    private final Map<URI, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
            FilterContext context) {
        Response response = context.next(request, expected);
        URI uri = URI.create(request.getURI());
        if (uri.getPath() == null || !uri.getPath().startsWith(API) || "OPTIONS".equals(request.getMethod())) {
            // OPTIONS (and CORS preflights) are answered by the HTTP layer for every path alike,
            // described once in docs/http.md, not per operation
            return response;
        }
        // A compressed body is checked in the exchanges that do not ask for compression
        boolean compressed = response.getHeader("Content-Encoding") != null;
        ValidationReport report = validator(uri.resolve("/")).validate(RestAssuredRequest.of(request),
                RestAssuredResponse.of(response));
        List<ValidationReport.Message> drift = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !message.getKey().startsWith("validation.request.") || response.statusCode() < 400)
                .filter(message -> !compressed || !message.getKey().startsWith("validation.response.body"))
                .toList();
        if (!drift.isEmpty()) {
            throw new AssertionError(describe(request, response, drift));
        }
        return response;
    }

    private OpenApiInteractionValidator validator(URI service) {
        return validators.computeIfAbsent(service, base -> OpenApiInteractionValidator
                .createForInlineApiSpecification(document(base.resolve(DOCUMENT)))
                .withResolveCombinators(true)
                .build());
    }

    private String document(URI location) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(location).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The service serves no OpenAPI document at " + location + ": HTTP "
                        + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document at " + location, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading " + location, e);
        }
    }

    private static String describe(FilterableRequestSpecification request, Response response,
            List<ValidationReport.Message> drift) {
        String body = response.asString();
        if (body.length() > BODY_SHOWN) {
            body = body.substring(0, BODY_SHOWN) + "...";
        }
        return "The exchange differs from the service's OpenAPI document (" + DOCUMENT + "):\n"
                + drift.stream().map(m -> "  - " + m.getKey() + ": " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                        .collect(Collectors.joining("\n"))
                + "\n" + request.getMethod() + " " + request.getURI() + " -> " + response.statusCode() + " "
                + response.getContentType() + "\n" + body;
    }
}
