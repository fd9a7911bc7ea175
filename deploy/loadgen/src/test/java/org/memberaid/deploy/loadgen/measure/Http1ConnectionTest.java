package org.memberaid.deploy.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a server written on a plain socket, so that every byte of the answers is chosen. */
class Http1ConnectionTest {

    /** What the server does with a request: the bytes to write (each piece flushed apart), and whether to close then. */
    record Reply(List<byte[]> pieces, boolean close) {

        static Reply of(boolean close, String... pieces) {
            List<byte[]> bytes = new ArrayList<>();
            for (String piece : pieces) {
                bytes.add(piece.getBytes(StandardCharsets.UTF_8));
            }
            return new Reply(bytes, close);
        }
    }

    @FunctionalInterface
    interface Responder {

        /** @param connection 0 for the first connection the server accepted */
        Reply reply(int connection, int requestOnConnection, String body);
    }

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Http1Connection connection;

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void sendsTheRequestAsExpectedAndReusesTheConnection() throws Exception {
        start((conn, index, body) -> Reply.of(false,
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length: "
                        + (body.getBytes(StandardCharsets.UTF_8).length + 2)
                        + "\r\n\r\n[" + body + "]"));

        for (int i = 0; i < 1_000; i++) {
            assertThat(post("{\"i\":" + i + ",\"name\":\"王秀英\"}")).isEqualTo(201);
            assertThat(connection.bodyText()).isEqualTo("[{\"i\":" + i + ",\"name\":\"王秀英\"}]");
        }

        assertThat(connection.connectionsOpened()).isEqualTo(1);
        assertThat(accepted.get()).isEqualTo(1);
        String body = "{\"i\":999,\"name\":\"王秀英\"}";
        assertThat(requests.get(999)).isEqualTo("POST /api/members?x=1 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + server.getLocalPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                + body);
    }

    @Test
    void readsChunkedAnswersWithExtensionsAndTrailers() throws Exception {
        start((conn, index, body) -> index % 2 == 0
                ? Reply.of(false, "HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\n\r\n",
                        "5;ext=1\r\nhello\r\n", "0", "8\r\n", " world, ", "\r\n", "0\r\nX-Trailer: yes\r\n\r\n")
                : Reply.of(false, "HTTP/1.1 201 Created\r\nTransfer-Encoding: gzip, chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"));

        for (int i = 0; i < 10; i++) {
            assertThat(post("{}")).isEqualTo(409);
            assertThat(connection.bodyText()).isEqualTo("hello world, ");
            assertThat(post("{}")).isEqualTo(201);
            assertThat(connection.bodyText()).isEqualTo("0123456789");
        }
        assertThat(connection.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void reconnectsAfterConnectionClose() throws Exception {
        start((conn, index, body) -> Reply.of(true,
                "HTTP/1.1 201 Created\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"));

        for (int i = 0; i < 20; i++) {
            assertThat(post("{}")).isEqualTo(201);
            assertThat(connection.bodyText()).isEqualTo("{}");
        }
        assertThat(connection.connectionsOpened()).isEqualTo(20);
        assertThat(accepted.get()).isEqualTo(20);
    }

    @Test
    void readsABodyThatEndsWithTheConnection() throws Exception {
        start((conn, index, body) -> Reply.of(true, "HTTP/1.0 500 Internal Server Error\r\n\r\n", "boom", " and more"));

        assertThat(post("{}")).isEqualTo(500);
        assertThat(connection.bodyText()).isEqualTo("boom and more");
        assertThat(post("{}")).isEqualTo(500);
        assertThat(connection.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void skipsInterimAnswersAndHandlesAnswersWithoutBody() throws Exception {
        start((conn, index, body) -> Reply.of(false,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"));

        assertThat(post("{}")).isEqualTo(204);
        assertThat(connection.bodyLength()).isZero();
        assertThat(post("{}")).isEqualTo(204);
        assertThat(connection.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void failsAndReconnectsWhenTheServerDropsTheConnection() throws Exception {
        // The first connection is dropped without an answer, the second in the middle of the body.
        start((conn, index, body) -> switch (conn) {
            case 0 -> Reply.of(true);
            case 1 -> Reply.of(true, "HTTP/1.1 201 Created\r\nContent-Length: 10\r\n\r\n{}");
            default -> Reply.of(false, "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
        });

        assertThatThrownBy(() -> post("{}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> post("{}")).isInstanceOf(IOException.class);
        assertThat(post("{}")).isEqualTo(201);
        assertThat(post("{}")).isEqualTo(201);
        assertThat(connection.connectionsOpened()).isEqualTo(3);
    }

    @Test
    void rejectsWhatIsNotHttp() throws Exception {
        start((conn, index, body) -> conn == 0
                ? Reply.of(false, "SSH-2.0-OpenSSH\r\n\r\n")
                : Reply.of(false, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"));

        assertThatThrownBy(() -> post("{}")).isInstanceOf(java.net.ProtocolException.class);
        assertThat(post("{}")).isEqualTo(201);
    }

    @Test
    void sendsToOtherPathsWithExtraHeadersOverTheSameConnection() throws Exception {
        start((conn, index, body) -> Reply.of(false,
                "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));

        connection.newBody().write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        connection.prepare("/api/disbursements", "Idempotency-Key", "k-1", "X-Trace", "t 1");
        assertThat(connection.exchange()).isEqualTo(200);
        assertThat(connection.bodyText()).isEqualTo("{\"a\":1}");
        connection.newBody().write("{}".getBytes(StandardCharsets.UTF_8));
        connection.prepare("/api/disbursements/42/approval?x=%20");
        assertThat(connection.exchange()).isEqualTo(200);
        assertThat(post("{\"b\":2}")).isEqualTo(200); // back to the target's own path

        assertThat(connection.connectionsOpened()).isEqualTo(1);
        String host = "Host: 127.0.0.1:" + server.getLocalPort() + "\r\n";
        String fixed = "Content-Type: application/json\r\nAccept: application/json\r\n";
        assertThat(requests).containsExactly(
                "POST /api/disbursements HTTP/1.1\r\n" + host + fixed
                        + "Idempotency-Key: k-1\r\nX-Trace: t 1\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
                "POST /api/disbursements/42/approval?x=%20 HTTP/1.1\r\n" + host + fixed + "Content-Length: 2\r\n\r\n{}",
                "POST /api/members?x=1 HTTP/1.1\r\n" + host + fixed + "Content-Length: 7\r\n\r\n{\"b\":2}");
    }

    @Test
    void sendsAsAnotherTargetOfTheSameHostOverTheSameConnection() throws Exception {
        start((conn, index, body) -> Reply.of(false, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        URI base = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/disbursements");
        Http1Connection.Target approver = Http1Connection.Target.post(base, Map.of("Authorization", "Bearer approver"),
                Duration.ofSeconds(1), Duration.ofSeconds(5));

        connection.newBody().write("{}".getBytes(StandardCharsets.UTF_8));
        connection.prepare(approver, "/api/disbursements/42/approval", "X-Trace", "t");
        assertThat(connection.exchange()).isEqualTo(200);
        assertThat(post("{}")).isEqualTo(200);

        assertThat(connection.connectionsOpened()).isEqualTo(1);
        String host = "Host: 127.0.0.1:" + server.getLocalPort() + "\r\n";
        assertThat(requests).containsExactly(
                "POST /api/disbursements/42/approval HTTP/1.1\r\n" + host
                        + "Authorization: Bearer approver\r\nX-Trace: t\r\nContent-Length: 2\r\n\r\n{}",
                "POST /api/members?x=1 HTTP/1.1\r\n" + host
                        + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: 2\r\n\r\n{}");
        Http1Connection.Target elsewhere = Http1Connection.Target.post(URI.create("http://127.0.0.1:1/api/x"), Map.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThatThrownBy(() -> connection.prepare(elsewhere, "/api/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsTheRequestBufferForALongPathAndHeaders() throws Exception {
        start((conn, index, body) -> Reply.of(false, "HTTP/1.1 204 No Content\r\n\r\n"));
        String path = "/" + "p".repeat(5_000);
        String value = "v".repeat(3_000);

        connection.newBody().write(new byte[10_000]);
        connection.prepare(path, "X-Long", value);
        assertThat(connection.exchange()).isEqualTo(204);

        assertThat(requests.get(0)).startsWith("POST " + path + " HTTP/1.1\r\n").contains("X-Long: " + value + "\r\n")
                .contains("Content-Length: 10000\r\n\r\n");
    }

    @Test
    void refusesPathsAndHeadersThatCannotBeSentAsIs() throws Exception {
        start((conn, index, body) -> Reply.of(false, "HTTP/1.1 204 No Content\r\n\r\n"));
        connection.newBody();

        assertThatThrownBy(() -> connection.prepare("api/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a\r\nX: y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/\u00e4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a", "X-Odd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a", "Content-Length", "3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a", "host", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a", "Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a", "X", "a\r\nInjected: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.prepare("/a", "X", "\u4e2d")).isInstanceOf(IllegalArgumentException.class);

        connection.prepare("/a", "X", "ok\tfine");
        assertThat(connection.exchange()).isEqualTo(204);
        assertThat(requests.get(0)).contains("X: ok\tfine\r\n");
    }

    private int post(String body) throws IOException {
        connection.newBody().write(body.getBytes(StandardCharsets.UTF_8));
        connection.prepare();
        return connection.exchange();
    }

    private void start(Responder responder) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket socket = server.accept();
                    sockets.add(socket);
                    int index = accepted.getAndIncrement();
                    Thread handler = new Thread(() -> serve(socket, index, responder), "conn-" + index);
                    handler.setDaemon(true);
                    handler.start();
                }
            } catch (IOException closed) {
                // The test is over.
            }
        }, "acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        connection = new Http1Connection(Http1Connection.Target.post(
                URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/members?x=1"), headers,
                Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    private void serve(Socket socket, int connectionIndex, Responder responder) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int index = 0; ; index++) {
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                String head = readHead(in, request);
                if (head == null) {
                    return;
                }
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring("content-length:".length()).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                request.write(body);
                requests.add(request.toString(StandardCharsets.UTF_8));
                Reply reply = responder.reply(connectionIndex, index, new String(body, StandardCharsets.UTF_8));
                for (byte[] piece : reply.pieces()) {
                    out.write(piece);
                    out.flush();
                    Thread.sleep(1);
                }
                if (reply.close()) {
                    return;
                }
            }
        } catch (SocketException | InterruptedException closed) {
            // The test is over.
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request head up to and including the empty line, also copied to {@code request}; null at the end of the stream. */
    private static String readHead(InputStream in, ByteArrayOutputStream request) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        request.write(head.toByteArray());
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
