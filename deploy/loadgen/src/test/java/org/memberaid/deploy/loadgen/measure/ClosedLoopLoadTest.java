package org.memberaid.deploy.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClosedLoopLoadTest {

    private final AtomicInteger served = new AtomicInteger();
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Every fifth request is a conflict, so a run always has failures to report.
        server.createContext("/api/members", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean conflict = served.incrementAndGet() % 5 == 0;
            byte[] body = (conflict ? "{\"status\":409}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(conflict ? 409 : 201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/members");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void countsEveryAnswerInTheRightPhaseAndKeepsTheUnexpectedOnes() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ClosedLoopLoad load = new ClosedLoopLoad(http,
                () -> HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), 201);

        ClosedLoopLoad.Result result = load.run(
                new ClosedLoopLoad.Settings(4, Duration.ofMillis(300), Duration.ofMillis(700)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        long warmup = result.warmup().cumulative().getTotalCount();
        long measured = result.measured().cumulative().getTotalCount();
        assertThat(warmup).isPositive();
        assertThat(measured).isPositive();
        assertThat(warmup + measured).isEqualTo(served.get());
        assertThat(result.measured().outcomes()).containsKeys("HTTP 201", "HTTP 409");
        assertThat(result.failures()).isEqualTo(served.get() / 5);
        assertThat(result.measured().keptFailures()).containsExactly("HTTP 409: {\"status\":409}");
        assertThat(result.measuredElapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }
}
