package org.memberaid.deploy.loadgen.measure;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client for one closed-loop client: one persistent (keep-alive) connection
 * over a plain socket, used by one thread at a time, that POSTs a body and reads the whole answer.
 *
 * <p>It exists because {@code java.net.http.HttpClient} costs the load generator about half a core
 * at the register scenario's rate, taken from the service it measures on the same machine. Here a
 * request is one write of one byte array (the request line and the fixed headers encoded once per
 * {@link Target}), and an answer is read into buffers the connection keeps: the status line, the
 * headers, then exactly Content-Length bytes, the chunks of a chunked answer, or, for an answer with
 * neither, everything until the server closes. The connection is opened on first use, reopened
 * after the server answered {@code Connection: close}, and closed after any I/O error (the caller
 * counts that request as failed; the next one reconnects). No TLS, no redirects, no retries.
 */
public final class Http1Connection implements AutoCloseable {

    /** Where the requests go and how long to wait; the part of the request head that never changes. */
    public static final class Target {

        private final String host;
        private final int port;
        private final int connectTimeoutMillis;
        private final int readTimeoutMillis;
        /** "POST " or "GET " */
        private final byte[] requestLineStart;
        /** "POST path HTTP/1.1\r\nHost: ...\r\n(headers)Content-Length: " */
        private final byte[] headUpToContentLength;
        /** " HTTP/1.1\r\nHost: ...\r\n(headers)": what follows the path when another one is asked for. */
        private final byte[] headAfterPath;

        private Target(String method, URI endpoint, Map<String, String> headers, Duration connectTimeout,
                Duration readTimeout) {
            if (!"http".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
                throw new IllegalArgumentException("only http://host[:port]/path URLs are supported, not " + endpoint);
            }
            this.host = endpoint.getHost();
            this.port = endpoint.getPort() == -1 ? 80 : endpoint.getPort();
            this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
            this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
            String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
            StringBuilder afterPath = new StringBuilder(256)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(endpoint.getPort() == -1 ? "" : ":" + port).append("\r\n");
            headers.forEach((name, value) -> afterPath.append(name).append(": ").append(value).append("\r\n"));
            this.headAfterPath = afterPath.toString().getBytes(StandardCharsets.ISO_8859_1);
            this.requestLineStart = (method + " ").getBytes(StandardCharsets.ISO_8859_1);
            String head = method + " " + path + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery())
                    + afterPath + "Content-Length: ";
            this.headUpToContentLength = head.getBytes(StandardCharsets.ISO_8859_1);
        }

        /**
         * @param headers sent after Host, in this order, before the Content-Length of the body; not
         *     Host, Content-Length or Transfer-Encoding
         * @param readTimeout the longest wait for any read of the answer (the socket timeout)
         */
        public static Target post(URI endpoint, Map<String, String> headers, Duration connectTimeout, Duration readTimeout) {
            return new Target("POST", endpoint, headers, connectTimeout, readTimeout);
        }

        /** Like {@link #post}, for GET requests (sent with an empty body, Content-Length: 0). */
        public static Target get(URI endpoint, Map<String, String> headers, Duration connectTimeout, Duration readTimeout) {
            return new Target("GET", endpoint, headers, connectTimeout, readTimeout);
        }
    }

    /** A ByteArrayOutputStream whose array can be read without a copy. */
    public static final class Body extends ByteArrayOutputStream {

        Body(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }

    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH_FIELD = "Content-Length: ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONTENT_LENGTH = lowerAscii("content-length");
    private static final byte[] TRANSFER_ENCODING = lowerAscii("transfer-encoding");
    private static final byte[] CONNECTION = lowerAscii("connection");
    private static final byte[] CHUNKED = lowerAscii("chunked");
    private static final byte[] CLOSE = lowerAscii("close");
    private static final byte[] KEEP_ALIVE = lowerAscii("keep-alive");
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final Target target;
    private final Body body = new Body(1024);
    private byte[] request = new byte[2048];
    private int requestLength;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connectionsOpened;

    private final byte[] input = new byte[16 * 1024];
    private int inputPosition;
    private int inputLimit;
    private byte[] line = new byte[256];
    private int lineLength;

    private int status;
    private byte[] responseBody = new byte[4096];
    private int responseBodyLength;
    private long contentLength;
    private boolean chunked;
    private boolean otherTransferEncoding;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private boolean http10;

    public Http1Connection(Target target) {
        this.target = target;
    }

    /** The buffer of the next request's body, emptied: write the body to it, then {@link #prepare()}. */
    public Body newBody() {
        body.reset();
        return body;
    }

    /** Lays out the next request (head and the body written to {@link #newBody()}) as one byte array. */
    public void prepare() {
        byte[] head = target.headUpToContentLength;
        int bodyLength = body.size();
        int needed = head.length + 20 + CRLF_CRLF.length + bodyLength;
        if (request.length < needed) {
            request = new byte[Math.max(needed, request.length * 2)];
        }
        System.arraycopy(head, 0, request, 0, head.length);
        int position = writeDecimal(bodyLength, request, head.length);
        System.arraycopy(CRLF_CRLF, 0, request, position, CRLF_CRLF.length);
        position += CRLF_CRLF.length;
        System.arraycopy(body.array(), 0, request, position, bodyLength);
        requestLength = position + bodyLength;
    }

    /**
     * Lays out the next request like {@link #prepare()}, but to another path of the target's host
     * and port, and with more headers after the target's: for a client that sends several kinds of
     * request over its one connection (say a POST to a collection, then to the resource it created),
     * or a header that changes with every request (an {@code Idempotency-Key}).
     *
     * @param pathAndQuery the request target in origin form ({@code /api/things/42/approval?x=1}),
     *     already percent-encoded: printable ASCII without spaces
     * @param extraHeaders names and values, alternately ({@code "Idempotency-Key", key}); not Host,
     *     Content-Length or Transfer-Encoding
     * @throws IllegalArgumentException for a path or header that cannot be sent as is
     */
    public void prepare(String pathAndQuery, String... extraHeaders) {
        prepare(target, pathAndQuery, extraHeaders);
    }

    /**
     * Lays out the next request like {@link #prepare(String, String...)}, but with the method and
     * fixed headers of {@code other}, a target of the same host and port: for a client that sends
     * requests as two identities (say, two Authorization headers) over its one connection, each
     * head still encoded once.
     *
     * @throws IllegalArgumentException also when {@code other} is on another host or port
     */
    public void prepare(Target other, String pathAndQuery, String... extraHeaders) {
        if (other != target && (other.port != target.port || !other.host.equals(target.host))) {
            throw new IllegalArgumentException("the other target must be on " + target.host + ":" + target.port
                    + ", not " + other.host + ":" + other.port);
        }
        if (pathAndQuery.isEmpty() || pathAndQuery.charAt(0) != '/') {
            throw new IllegalArgumentException("the path must start with /: '" + pathAndQuery + "'");
        }
        if (extraHeaders.length % 2 != 0) {
            throw new IllegalArgumentException("extra headers come as name, value pairs");
        }
        byte[] requestLineStart = other.requestLineStart;
        int needed = requestLineStart.length + pathAndQuery.length() + other.headAfterPath.length
                + CONTENT_LENGTH_FIELD.length + 20 + CRLF_CRLF.length + body.size();
        for (int i = 0; i < extraHeaders.length; i += 2) {
            needed += extraHeaders[i].length() + 2 + extraHeaders[i + 1].length() + 2;
        }
        if (request.length < needed) {
            request = new byte[Math.max(needed, request.length * 2)];
        }
        System.arraycopy(requestLineStart, 0, request, 0, requestLineStart.length);
        int position = requestLineStart.length;
        for (int i = 0; i < pathAndQuery.length(); i++) {
            char c = pathAndQuery.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("the path must be printable ASCII without spaces: '" + pathAndQuery + "'");
            }
            request[position++] = (byte) c;
        }
        System.arraycopy(other.headAfterPath, 0, request, position, other.headAfterPath.length);
        position += other.headAfterPath.length;
        for (int i = 0; i < extraHeaders.length; i += 2) {
            position = writeHeader(extraHeaders[i], extraHeaders[i + 1], position);
        }
        System.arraycopy(CONTENT_LENGTH_FIELD, 0, request, position, CONTENT_LENGTH_FIELD.length);
        position = writeDecimal(body.size(), request, position + CONTENT_LENGTH_FIELD.length);
        System.arraycopy(CRLF_CRLF, 0, request, position, CRLF_CRLF.length);
        position += CRLF_CRLF.length;
        System.arraycopy(body.array(), 0, request, position, body.size());
        requestLength = position + body.size();
    }

    private int writeHeader(String name, String value, int at) {
        if (name.isEmpty() || nameIsReserved(name)) {
            throw new IllegalArgumentException("cannot send the header '" + name + "' as an extra header");
        }
        int position = at;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                throw new IllegalArgumentException("not a header name: '" + name + "'");
            }
            request[position++] = (byte) c;
        }
        request[position++] = ':';
        request[position++] = ' ';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("the value of header " + name + " has a character that cannot be sent");
            }
            request[position++] = (byte) c;
        }
        request[position++] = '\r';
        request[position++] = '\n';
        return position;
    }

    private static boolean nameIsReserved(String name) {
        return name.equalsIgnoreCase("host") || name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("transfer-encoding");
    }

    /**
     * Sends the prepared request, connecting first if needed, and reads the whole answer.
     *
     * @return the status of the answer; its body is then in {@link #bodyText()}
     * @throws IOException when the connection could not be made or broke, the server closed it
     *     before answering, or the answer is not HTTP/1.x; the connection is then closed
     */
    public int exchange() throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            out.write(request, 0, requestLength);
            readResponse();
            if (connectionClose) {
                closeSocket();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            closeSocket();
            throw e;
        }
    }

    public int status() {
        return status;
    }

    /** The body of the last answer, decoded as UTF-8 (de-chunked). */
    public String bodyText() {
        return new String(responseBody, 0, responseBodyLength, StandardCharsets.UTF_8);
    }

    public int bodyLength() {
        return responseBodyLength;
    }

    /** How many times this connection connected (1 when every request went over the first one). */
    public int connectionsOpened() {
        return connectionsOpened;
    }

    @Override
    public void close() {
        closeSocket();
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout(target.readTimeoutMillis);
            opened.connect(new InetSocketAddress(target.host, target.port), target.connectTimeoutMillis);
            in = opened.getInputStream();
            out = opened.getOutputStream();
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        connectionsOpened++;
        inputPosition = 0;
        inputLimit = 0;
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing left to do with it.
            }
            socket = null;
            in = null;
            out = null;
        }
        inputPosition = 0;
        inputLimit = 0;
    }

    private void readResponse() throws IOException {
        do {
            readStatusLine();
            readHeaders();
        } while (status >= 100 && status < 200); // 100 Continue and other interim answers precede the real one
        responseBodyLength = 0;
        if (status == 204 || status == 304) {
            return;
        }
        if (chunked) {
            readChunkedBody();
        } else if (otherTransferEncoding || contentLength < 0) {
            readBodyUntilClosed();
            connectionClose = true;
        } else {
            readBody(contentLength);
        }
    }

    private void readStatusLine() throws IOException {
        if (inputPosition == inputLimit && !fill()) {
            throw new EOFException("the server closed the connection before answering");
        }
        readLine();
        // HTTP/1.1 201 Created
        if (lineLength < 12 || !startsWith(line, "HTTP/1.") || line[8] != ' '
                || !isDigit(line[9]) || !isDigit(line[10]) || !isDigit(line[11])
                || (lineLength > 12 && line[12] != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line: " + lineText());
        }
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        http10 = line[7] == '0';
        contentLength = -1;
        chunked = false;
        otherTransferEncoding = false;
        connectionClose = false;
        connectionKeepAlive = false;
    }

    private void readHeaders() throws IOException {
        while (true) {
            readLine();
            if (lineLength == 0) {
                break;
            }
            int colon = indexOf(line, lineLength, (byte) ':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header line: " + lineText());
            }
            int valueStart = colon + 1;
            while (valueStart < lineLength && (line[valueStart] == ' ' || line[valueStart] == '\t')) {
                valueStart++;
            }
            int valueEnd = lineLength;
            while (valueEnd > valueStart && (line[valueEnd - 1] == ' ' || line[valueEnd - 1] == '\t')) {
                valueEnd--;
            }
            if (nameIs(CONTENT_LENGTH, colon)) {
                contentLength = parseContentLength(valueStart, valueEnd);
            } else if (nameIs(TRANSFER_ENCODING, colon)) {
                // The last coding decides: chunked frames the body, anything else runs until the close.
                boolean endsChunked = valueEnd - valueStart >= CHUNKED.length
                        && equalsIgnoreCase(line, valueEnd - CHUNKED.length, valueEnd, CHUNKED);
                chunked = endsChunked;
                otherTransferEncoding = !endsChunked;
            } else if (nameIs(CONNECTION, colon)) {
                if (containsIgnoreCase(line, valueStart, valueEnd, CLOSE)) {
                    connectionClose = true;
                } else if (containsIgnoreCase(line, valueStart, valueEnd, KEEP_ALIVE)) {
                    connectionKeepAlive = true;
                }
            }
        }
        if (http10 && !connectionKeepAlive) {
            connectionClose = true; // HTTP/1.0 keeps a connection only when it says so
        }
    }

    private long parseContentLength(int from, int to) throws ProtocolException {
        if (from == to || to - from > 18) {
            throw new ProtocolException("bad Content-Length: " + lineText());
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(line[i])) {
                throw new ProtocolException("bad Content-Length: " + lineText());
            }
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    private void readChunkedBody() throws IOException {
        while (true) {
            readLine();
            long size = 0;
            int digits = 0;
            for (int i = 0; i < lineLength && line[i] != ';'; i++) {
                int digit = Character.digit(line[i], 16);
                if (digit < 0) {
                    if (line[i] == ' ' || line[i] == '\t') {
                        continue;
                    }
                    throw new ProtocolException("bad chunk size line: " + lineText());
                }
                if (++digits > 8) {
                    throw new ProtocolException("chunk too large: " + lineText());
                }
                size = size * 16 + digit;
            }
            if (digits == 0) {
                throw new ProtocolException("bad chunk size line: " + lineText());
            }
            if (size == 0) {
                do { // trailer fields, up to the empty line
                    readLine();
                } while (lineLength > 0);
                return;
            }
            readBody(size);
            readLine();
            if (lineLength != 0) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
        }
    }

    /** Appends exactly {@code length} bytes to the response body. */
    private void readBody(long length) throws IOException {
        ensureBodyCapacity(length);
        int remaining = (int) length;
        while (remaining > 0) {
            if (inputPosition == inputLimit && !fill()) {
                throw new EOFException("the server closed the connection in the middle of the answer's body");
            }
            int copied = Math.min(remaining, inputLimit - inputPosition);
            System.arraycopy(input, inputPosition, responseBody, responseBodyLength, copied);
            inputPosition += copied;
            responseBodyLength += copied;
            remaining -= copied;
        }
    }

    private void readBodyUntilClosed() throws IOException {
        while (inputPosition < inputLimit || fill()) {
            int available = inputLimit - inputPosition;
            ensureBodyCapacity(available);
            System.arraycopy(input, inputPosition, responseBody, responseBodyLength, available);
            responseBodyLength += available;
            inputPosition = inputLimit;
        }
    }

    private void ensureBodyCapacity(long more) throws ProtocolException {
        long needed = responseBodyLength + more;
        if (needed > MAX_BODY) {
            throw new ProtocolException("answer body larger than " + MAX_BODY + " bytes");
        }
        if (needed > responseBody.length) {
            responseBody = Arrays.copyOf(responseBody, (int) Math.min(MAX_BODY, Math.max(needed, 2L * responseBody.length)));
        }
    }

    /** Reads a line into {@link #line}, without its CRLF (or bare LF). */
    private void readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (inputPosition == inputLimit && !fill()) {
                throw new EOFException("the server closed the connection in the middle of the answer");
            }
            int end = inputPosition;
            while (end < inputLimit && input[end] != '\n') {
                end++;
            }
            int length = end - inputPosition;
            if (lineLength + length > MAX_LINE) {
                throw new ProtocolException("answer line longer than " + MAX_LINE + " bytes");
            }
            if (lineLength + length > line.length) {
                line = Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
            }
            System.arraycopy(input, inputPosition, line, lineLength, length);
            lineLength += length;
            if (end < inputLimit) {
                inputPosition = end + 1;
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return;
            }
            inputPosition = inputLimit;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(input, 0, input.length);
        if (read <= 0) {
            return false;
        }
        inputPosition = 0;
        inputLimit = read;
        return true;
    }

    private boolean nameIs(byte[] lowerName, int nameLength) {
        return nameLength == lowerName.length && equalsIgnoreCase(line, 0, nameLength, lowerName);
    }

    private String lineText() {
        return new String(line, 0, Math.min(lineLength, 200), StandardCharsets.ISO_8859_1);
    }

    private static int writeDecimal(int value, byte[] target, int at) {
        if (value == 0) {
            target[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (int rest = value; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = at + digits - 1, rest = value; rest > 0; i--, rest /= 10) {
            target[i] = (byte) ('0' + rest % 10);
        }
        return at + digits;
    }

    private static boolean equalsIgnoreCase(byte[] bytes, int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            if (toLower(bytes[from + i]) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] bytes, int from, int to, byte[] lower) {
        for (int start = from; start + lower.length <= to; start++) {
            if (equalsIgnoreCase(bytes, start, start + lower.length, lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static byte toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private static byte[] lowerAscii(String text) {
        return text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
    }
}
