package org.memberaid.deploy.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClosedLoopLoadTest {

    private static final int CLIENTS = 4;

    private final AtomicInteger served = new AtomicInteger();
    /** The client end of every connection the server saw: one per connection. */
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final Set<String> requestBodies = ConcurrentHashMap.newKeySet();
    private final Set<String> contentTypes = ConcurrentHashMap.newKeySet();
    private volatile boolean chunked;
    private volatile boolean closeEachConnection;
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Every fifth request is a conflict, so a run always has failures to report.
        server.createContext("/api/members", exchange -> {
            connections.add(exchange.getRemoteAddress());
            requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            boolean conflict = served.incrementAndGet() % 5 == 0;
            byte[] body = (conflict ? "{\"status\":409}" : "{}").getBytes(StandardCharsets.UTF_8);
            if (closeEachConnection) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            OutputStream out = exchange.getResponseBody();
            if (chunked) {
                // A length of 0 makes this server send the body chunked; two writes, two chunks.
                exchange.sendResponseHeaders(conflict ? 409 : 201, 0);
                out.write(body, 0, 1);
                out.flush();
                out.write(body, 1, body.length - 1);
            } else {
                exchange.sendResponseHeaders(conflict ? 409 : 201, body.length);
                out.write(body);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(CLIENTS));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/members");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void countsEveryAnswerInTheRightPhaseAndKeepsTheUnexpectedOnes() throws Exception {
        ClosedLoopLoad.Result result = run();

        assertEveryAnswerCounted(result);
        assertThat(result.measuredElapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(contentTypes).containsExactly("application/json");
        assertThat(requestBodies).hasSize(served.get()).allSatisfy(body -> assertThat(body).startsWith("{\"n\":"));
    }

    @Test
    void eachClientKeepsOneConnectionForAllItsRequests() throws Exception {
        ClosedLoopLoad.Result result = run();

        assertEveryAnswerCounted(result);
        assertThat(served.get()).isGreaterThan(20 * CLIENTS);
        assertThat(connections).hasSize(CLIENTS);
    }

    @Test
    void readsChunkedAnswers() throws Exception {
        chunked = true;

        ClosedLoopLoad.Result result = run();

        assertEveryAnswerCounted(result);
        assertThat(connections).hasSize(CLIENTS);
    }

    @Test
    void reconnectsWhenTheServerClosesTheConnectionAfterEachAnswer() throws Exception {
        closeEachConnection = true;

        ClosedLoopLoad.Result result = run();

        assertEveryAnswerCounted(result);
        // A new connection per request; the client ports of closed connections come round again,
        // so fewer distinct ones than requests.
        assertThat(served.get()).isGreaterThan(20 * CLIENTS);
        assertThat(connections.size()).isGreaterThan(served.get() / 2);
    }

    @Test
    void countsARefusedConnectionAsNoAnswer() throws Exception {
        URI nobodyListening;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListening = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/api/members");
        }

        ClosedLoopLoad.Result result = run(nobodyListening);

        assertThat(result.measured().outcomes()).containsOnlyKeys("no answer (ConnectException)");
        assertThat(result.measured().keptFailures()).singleElement().asString().startsWith("no answer: ConnectException");
    }

    private ClosedLoopLoad.Result run() throws InterruptedException {
        return run(endpoint);
    }

    private ClosedLoopLoad.Result run(URI endpoint) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Http1Connection.Target target = Http1Connection.Target.post(endpoint, Map.of("Content-Type", "application/json"),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        ClosedLoopLoad load = new ClosedLoopLoad(target,
                body -> body.write(("{\"n\":" + next.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8)), 201);
        return load.run(new ClosedLoopLoad.Settings(CLIENTS, Duration.ofMillis(300), Duration.ofMillis(700)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private void assertEveryAnswerCounted(ClosedLoopLoad.Result result) {
        long warmup = result.warmup().cumulative().getTotalCount();
        long measured = result.measured().cumulative().getTotalCount();
        assertThat(warmup).isPositive();
        assertThat(measured).isPositive();
        assertThat(warmup + measured).isEqualTo(served.get());
        assertThat(result.measured().outcomes()).containsOnlyKeys("HTTP 201", "HTTP 409");
        assertThat(result.failures()).isEqualTo(served.get() / 5);
        assertThat(result.measured().keptFailures()).containsExactly("HTTP 409: {\"status\":409}");
    }
}
