package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.measure.Figures;

/**
 * The JSON requests a scenario sends to set up and check its run (not the measured load): each
 * with the bearer token of a role, each failure a {@link SetupFailure} saying what answered what.
 */
final class SetupClient {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final AccessTokens tokens;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    SetupClient(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** A request to {@code uri} as {@code role}, accepting JSON. */
    HttpRequest.Builder request(URI uri, Role role, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header(AccessTokens.AUTHORIZATION, tokens.bearer(role));
    }

    HttpResponse<String> post(URI uri, Role role, String json, Map<String, String> headers, String service)
            throws SetupFailure, InterruptedException {
        return post(uri, role, json, headers, service, TIMEOUT);
    }

    HttpResponse<String> post(URI uri, Role role, String json, Map<String, String> headers, String service,
            Duration timeout) throws SetupFailure, InterruptedException {
        return send(jsonPost(uri, role, json, headers, timeout), service);
    }

    /** A POST of {@code json} to {@code uri} as {@code role}, with more {@code headers}. */
    HttpRequest jsonPost(URI uri, Role role, String json, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = request(uri, role, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return request.build();
    }

    HttpResponse<String> get(URI uri, Role role, String service) throws SetupFailure, InterruptedException {
        return send(request(uri, role, TIMEOUT).GET().build(), service);
    }

    HttpResponse<String> send(HttpRequest request, String service) throws SetupFailure, InterruptedException {
        return send(request, HttpResponse.BodyHandlers.ofString(), service);
    }

    /** Sends the request; no answer at all is a failure that asks whether {@code service} runs. */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String service)
            throws SetupFailure, InterruptedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            String hint = e instanceof ConnectException ? " Is " + service + " running (deploy/run.sh)?" : "";
            throw new SetupFailure(request.method() + " " + request.uri() + ": no answer (" + Figures.exception(e)
                    + ")." + hint);
        }
    }

    /** An answer and how long it took, from the first byte sent to the whole answer read. */
    record Timed<T>(HttpResponse<T> response, Duration elapsed) {
    }

    Timed<String> timed(HttpRequest request, String service) throws SetupFailure, InterruptedException {
        return timed(request, HttpResponse.BodyHandlers.ofString(), service);
    }

    <T> Timed<T> timed(HttpRequest request, HttpResponse.BodyHandler<T> body, String service)
            throws SetupFailure, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<T> response = send(request, body, service);
        return new Timed<>(response, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The JSON body of an answer with the expected status. */
    static JsonNode expect(HttpResponse<String> response, int status) throws SetupFailure {
        if (response.statusCode() != status) {
            throw new SetupFailure(response.request().method() + " " + response.uri() + " answered "
                    + describe(response) + " (expected HTTP " + status + ")");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SetupFailure(response.request().method() + " " + response.uri() + " answered "
                    + describe(response) + ", not JSON");
        }
    }

    /** The text member {@code name} of an answer's JSON body. */
    static String field(HttpResponse<String> response, String name) throws SetupFailure {
        try {
            JsonNode value = JSON.readTree(response.body()).get(name);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        } catch (IOException e) {
            // Reported below.
        }
        throw new SetupFailure(response.request().method() + " " + response.uri() + " answered " + describe(response)
                + " without '" + name + "'");
    }

    /** The "rule" of a problem+json body, or null. */
    static String ruleOf(String body) {
        try {
            JsonNode rule = JSON.readTree(body).get("rule");
            return rule != null && rule.isTextual() ? rule.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String describe(HttpResponse<String> response) {
        return "HTTP " + response.statusCode() + ": " + Figures.abbreviate(response.body(), 500);
    }

    /** The base URL an option names, refused (a usage error) unless it is plain http. */
    static URI plainHttp(URI base, OptionSpec option) {
        if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw new UsageException("option --" + option.name() + " must be a plain http:// URL such as "
                    + option.defaultValue() + ", not '" + base + "'");
        }
        return base;
    }
}
