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
        HttpRequest.Builder request = request(uri, role, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build(), service);
    }

    HttpResponse<String> get(URI uri, Role role, String service) throws SetupFailure, InterruptedException {
        return send(request(uri, role, TIMEOUT).GET().build(), service);
    }

    /** Sends the request; no answer at all is a failure that asks whether {@code service} runs. */
    HttpResponse<String> send(HttpRequest request, String service) throws SetupFailure, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String hint = e instanceof ConnectException ? " Is " + service + " running (deploy/run.sh)?" : "";
            throw new SetupFailure(request.method() + " " + request.uri() + ": no answer (" + Figures.exception(e)
                    + ")." + hint);
        }
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
