package org.memberaid.deploy.loadgen.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The three services' HTTP APIs as the system test calls them. A write answers a status and a body,
 * or nothing at all (a refused connection, a reset, a timeout): the test records which, because a
 * write without an answer may or may not have been applied. A read during recovery is retried
 * until the system answers it.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** How long a read keeps being retried while the system does not answer it with 2xx. */
    private static final Duration READ_PATIENCE = Duration.ofSeconds(120);

    /** An answer: its status and its body (JSON when it is, else null). */
    record Answer(int status, JsonNode body, String text) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** The problem's {@code rule} or, without one, the last segment of its {@code type}. */
        String rule() {
            if (body == null) {
                return null;
            }
            if (body.hasNonNull("rule")) {
                return body.get("rule").asText();
            }
            String type = body.path("type").asText("");
            return type.isEmpty() ? null : type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return "HTTP " + status + ": " + Figures.abbreviate(text, 300);
        }
    }

    final URI members;
    final URI relief;
    final URI reports;
    private final AccessTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Api(URI members, URI relief, URI reports, AccessTokens tokens) {
        this.members = members;
        this.relief = relief;
        this.reports = reports;
        this.tokens = tokens;
    }

    /** A POST of {@code body} as JSON; null when no answer came. */
    Answer post(URI base, String path, Role role, Object body, Map<String, String> headers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(WRITE_TIMEOUT)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header(AccessTokens.AUTHORIZATION, tokens.bearer(role))
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    Answer patch(URI base, String path, Role role, Object body) throws InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(WRITE_TIMEOUT)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header(AccessTokens.AUTHORIZATION, tokens.bearer(role))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** One GET; null when no answer came. */
    Answer get(URI base, String path, Role role) throws InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(READ_TIMEOUT).header("Accept", "application/json")
                .header(AccessTokens.AUTHORIZATION, tokens.bearer(role)).GET().build());
    }

    /**
     * A GET that must succeed: retried every 250 ms while there is no answer or a 5xx (the system is
     * recovering), for at most two minutes; any other answer than 200 is a failure of the test.
     */
    JsonNode read(URI base, String path, Role role) throws InterruptedException, SystemTestFailure {
        long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
        while (true) {
            Answer answer = get(base, path, role);
            if (answer != null && answer.status() == 200 && answer.body() != null) {
                return answer.body();
            }
            if ((answer != null && answer.status() < 500) || System.nanoTime() > deadline) {
                throw new SystemTestFailure("GET " + base.resolve(path) + " answered "
                        + (answer == null ? "nothing" : answer));
            }
            Thread.sleep(250);
        }
    }

    Answer send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serialisable: " + body, e);
        }
    }
}
