package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for test brokers, which need two adjacent free ones (client and controller). */
final class FreePorts {

    private static final int ATTEMPTS = 50;

    private FreePorts() {
    }

    static int pair() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                if (port < 65535 && isFree(port + 1)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No two adjacent free ports found in " + ATTEMPTS + " attempts");
    }

    /** The first of {@code count} adjacent free ports (a cluster's nodes, each with its controller port). */
    static int run(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                boolean free = port + count <= 65536;
                for (int next = port + 1; free && next < port + count; next++) {
                    free = isFree(next);
                }
                if (free) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No " + count + " adjacent free ports found in " + ATTEMPTS + " attempts");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
