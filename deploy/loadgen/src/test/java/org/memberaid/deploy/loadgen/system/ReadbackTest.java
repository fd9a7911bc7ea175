package org.memberaid.deploy.loadgen.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.system.SecondStream.Attempt;
import org.memberaid.deploy.loadgen.system.SecondStream.Kind;
import org.memberaid.deploy.loadgen.system.SecondStream.Outcome;

/** {@link Readback} against a small fake of the registry and the ledger, some of it wrong on purpose. */
class ReadbackTest {

    /** national ID → member ids holding it (more than one: a registration applied twice) */
    private final Map<String, List<String>> registry = new ConcurrentHashMap<>();
    /** member id → its assessments' statuses */
    private final Map<String, List<String>> assessments = new ConcurrentHashMap<>();
    /** member id → its disbursement ids */
    private final Map<String, List<String>> disbursementsOf = new ConcurrentHashMap<>();
    /** disbursement id → status */
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** Idempotency-Key → disbursement id */
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    /** a broken relief that forgets the keys it answered */
    private volatile boolean forgetKeys;

    private HttpServer server;
    private Readback readback;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        readback = new Readback(new Api(url, url, url, AccessTokens.from(role -> "token-" + role)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void writesAnsweredAndAppliedOnceOrRefusedAndAbsentPass() throws Exception {
        registry.put("A", List.of("m1"));
        assessments.put("m1", List.of("IN_DIFFICULTY", "LIFTED_OUT"));
        disbursementsOf.put("m2", List.of("d1"));
        statuses.put("d1", "APPROVED");
        statuses.put("d2", "REQUESTED");

        Readback.Result result = readback.check(List.of(
                attempt(Kind.REGISTRATION, "A", Outcome.OK, "m1"),
                attempt(Kind.REGISTRATION, "B", Outcome.REFUSED, null),
                attempt(Kind.ASSESSMENT, "m1", Outcome.OK, null),
                attempt(Kind.DISBURSEMENT_REQUEST, "m2", Outcome.OK, "d1"),
                attempt(Kind.APPROVAL, "d1", Outcome.OK, null),
                attempt(Kind.APPROVAL, "d2", Outcome.REFUSED, null)));

        assertThat(result.problems()).isEmpty();
        assertThat(result.counts().get(Kind.REGISTRATION)[0]).isEqualTo(2);
    }

    @Test
    void aWriteAppliedTwiceOrAnsweredButAbsentIsNamed() throws Exception {
        registry.put("A", List.of("m1", "m9"));
        statuses.put("d1", "REQUESTED");

        Readback.Result result = readback.check(List.of(
                attempt(Kind.REGISTRATION, "A", Outcome.UNKNOWN, null),
                attempt(Kind.ASSESSMENT, "m1", Outcome.OK, null),
                attempt(Kind.APPROVAL, "d1", Outcome.OK, null)));

        assertThat(result.problems()).hasSize(3);
        assertThat(String.join("\n", result.problems())).contains("registration of A answered nothing and is found 2 times",
                "assessment of m1 answered HTTP 200 and is found 0 times", "approval of d1 answered HTTP 200 but it is REQUESTED");
    }

    @Test
    void anUnansweredRequestIsRetriedWithItsKeyAndMadeOnce() throws Exception {
        disbursementsOf.put("applied", new ArrayList<>(List.of("d1")));
        keys.put("key-applied", "d1");

        Readback.Result result = readback.check(List.of(
                request("applied", "key-applied"),
                request("lost", "key-lost")));

        assertThat(result.problems()).isEmpty();
        assertThat(disbursementsOf.get("applied")).containsExactly("d1");
        assertThat(disbursementsOf.get("lost")).hasSize(1);
        long[] counts = result.counts().get(Kind.DISBURSEMENT_REQUEST);
        assertThat(counts).containsExactly(2, 2, 1);
    }

    @Test
    void aRetryThatPaysAgainIsCaught() throws Exception {
        forgetKeys = true;
        disbursementsOf.put("applied", new ArrayList<>(List.of("d1")));
        keys.put("key-applied", "d1");

        Readback.Result result = readback.check(List.of(request("applied", "key-applied")));

        assertThat(result.problems()).singleElement().asString().contains("has 2 disbursements, expected 1");
    }

    private static Attempt attempt(Kind kind, String target, Outcome outcome, String answerId) {
        int status = switch (outcome) {
            case OK -> 200;
            case REFUSED -> 422;
            case UNKNOWN -> 0;
        };
        return new Attempt(kind, target, null, "{}", outcome, status, answerId, null);
    }

    private static Attempt request(String memberId, String key) {
        return new Attempt(Kind.DISBURSEMENT_REQUEST, memberId, key, "{\"memberId\":\"" + memberId + "\"}",
                Outcome.UNKNOWN, 0, null, null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/disbursements")) {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String memberId = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll(".*\"memberId\":\"([^\"]+)\".*", "$1");
                String id = forgetKeys ? null : keys.get(key);
                if (id == null) {
                    id = UUID.randomUUID().toString();
                    keys.put(key, id);
                    disbursementsOf.computeIfAbsent(memberId, any -> new ArrayList<>()).add(id);
                }
                answer(exchange, 201, "{\"id\":\"" + id + "\"}");
            } else if (path.equals("/api/members")) {
                answer(exchange, 200, page(registry.getOrDefault(parameter(query, "q"), List.of())));
            } else if (path.endsWith("/hardship-assessments")) {
                String memberId = path.split("/")[3];
                answer(exchange, 200, assessments.getOrDefault(memberId, List.of()).stream()
                        .map(status -> "{\"status\":\"" + status + "\"}").collect(Collectors.joining(",", "[", "]")));
            } else if (path.equals("/api/disbursements")) {
                answer(exchange, 200, page(disbursementsOf.getOrDefault(parameter(query, "memberId"), List.of())));
            } else if (path.startsWith("/api/disbursements/")) {
                answer(exchange, 200, "{\"status\":\"" + statuses.get(path.substring(path.lastIndexOf('/') + 1)) + "\"}");
            } else {
                answer(exchange, 404, "{}");
            }
        }
    }

    private static String page(List<String> ids) {
        return ids.stream().map(id -> "{\"id\":\"" + id + "\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "],\"total\":" + ids.size() + "}"));
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
