package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The services a scenario test talks to, in one small HTTP server on a free port. Like the
 * services, it answers 401 to a request without a bearer token; it keeps the tokens each route saw.
 */
abstract class FakeHttpSystem implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    static {
        // Without it the JDK server writes an answer's head and body in two packets, and the second
        // waits for the client's delayed ACK (about 40 ms a request).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    /** The Authorization headers seen, by route ("POST /api/disbursements/{id}/approval"). */
    final Map<String, Set<String>> authorizationsByRoute = new ConcurrentHashMap<>();

    FakeHttpSystem(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Answers a request that carries a bearer token ({@code authorization}, the whole header). */
    abstract void handle(HttpExchange exchange, String authorization) throws IOException;

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                answer(exchange, 401, "{\"status\":401}");
                return;
            }
            String route = exchange.getRequestMethod() + " " + UUID_IN_PATH.matcher(exchange.getRequestURI().getPath()).replaceAll("{id}");
            authorizationsByRoute.computeIfAbsent(route, any -> ConcurrentHashMap.newKeySet()).add(authorization);
            handle(exchange, authorization);
        }
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        answer(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
