package org.memberaid.deploy.loadgen.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.measure.Figures;

/**
 * The demo's requests: JSON (or CSV) with the bearer token of a role, answered as status, headers
 * and JSON. A request that gets no answer, or a 5xx, is sent again (up to {@value #ATTEMPTS} times):
 * every write of the demo is idempotent, so a second delivery changes nothing.
 */
final class DemoHttp {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Duration LONG_TIMEOUT = Duration.ofMinutes(10);
    private static final int ATTEMPTS = 4;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    /** An answer: its status, its JSON body (missing when not JSON), one header. */
    record Answer(String request, int status, JsonNode body, String text, HttpResponse<String> response) {

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        String rule() {
            return text("rule");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String describe() {
            return request + " answered HTTP " + status + ": " + Figures.abbreviate(text, 400);
        }
    }

    private final AccessTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DemoHttp(AccessTokens tokens) {
        this.tokens = tokens;
    }

    Answer get(URI uri, Role role) throws DemoFailure, InterruptedException {
        return send(builder(uri, role, TIMEOUT).GET(), "GET " + uri);
    }

    Answer postJson(URI uri, Role role, String json, Map<String, String> headers) throws DemoFailure, InterruptedException {
        return postJson(uri, role, json, headers, TIMEOUT);
    }

    Answer postJson(URI uri, Role role, String json, Map<String, String> headers, Duration timeout)
            throws DemoFailure, InterruptedException {
        HttpRequest.Builder request = builder(uri, role, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request, "POST " + uri);
    }

    Answer postCsv(URI uri, Role role, String csv) throws DemoFailure, InterruptedException {
        return send(builder(uri, role, LONG_TIMEOUT).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), "POST " + uri);
    }

    Answer putJson(URI uri, Role role, String json, Map<String, String> headers) throws DemoFailure, InterruptedException {
        HttpRequest.Builder request = builder(uri, role, TIMEOUT).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request, "PUT " + uri);
    }

    private HttpRequest.Builder builder(URI uri, Role role, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header(AccessTokens.AUTHORIZATION, tokens.bearer(role));
    }

    private Answer send(HttpRequest.Builder builder, String what) throws DemoFailure, InterruptedException {
        HttpRequest request = builder.build();
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                Thread.sleep(RETRY_PAUSE.toMillis() * attempt);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                problem = "no answer (" + Figures.exception(e) + ")";
                continue;
            }
            if (response.statusCode() >= 500) {
                problem = "HTTP " + response.statusCode() + ": " + Figures.abbreviate(response.body(), 300);
                continue;
            }
            return new Answer(what, response.statusCode(), parse(response.body()), response.body(), response);
        }
        throw new DemoFailure(what + ": " + problem + " after " + ATTEMPTS + " attempts. Is the system running (deploy/run.sh)?");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
