package org.memberaid.deploy.loadgen.measure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * N clients, each sending a request, waiting for its answer and sending the next, first for a
 * warm-up, then for the measured duration. A request belongs to the phase in which its answer
 * came. Prints a progress line every 10 seconds.
 *
 * <p>Each client has its own keep-alive connection ({@link Http1Connection}), cheap enough that
 * the load generator leaves the CPU to the service it measures. A request's latency runs from just
 * before its bytes are written (connecting first when needed) until the whole answer was read; the
 * making of its body comes before.
 */
public final class ClosedLoopLoad {

    /** Writes the body of the next request; called concurrently by the clients, each with its own stream. */
    @FunctionalInterface
    public interface RequestBodies {

        void writeNext(OutputStream body) throws IOException;
    }

    public record Settings(int clients, Duration warmup, Duration duration) {
    }

    /** @param measuredElapsed from the end of the warm-up until the last client stopped */
    public record Result(RequestStats warmup, RequestStats measured, Duration warmupElapsed, Duration measuredElapsed) {

        public long failures() {
            return warmup.failures() + measured.failures();
        }
    }

    /** Keeps a client from spinning when the service refuses connections. */
    private static final Duration PAUSE_AFTER_NO_ANSWER = Duration.ofMillis(100);
    private static final int KEPT_BODY_CHARACTERS = 500;
    /** "HTTP 100" to "HTTP 599", made once rather than per answer. */
    private static final String[] STATUS_OUTCOMES = new String[600];

    static {
        for (int status = 100; status < STATUS_OUTCOMES.length; status++) {
            STATUS_OUTCOMES[status] = "HTTP " + status;
        }
    }

    private final Http1Connection.Target target;
    private final RequestBodies bodies;
    private final int expectedStatus;

    /** @param bodies writes the body of each request POSTed to {@code target} */
    public ClosedLoopLoad(Http1Connection.Target target, RequestBodies bodies, int expectedStatus) {
        this.target = target;
        this.bodies = bodies;
        this.expectedStatus = expectedStatus;
    }

    public Result run(Settings settings, PrintStream progress) throws InterruptedException {
        RequestStats warmup = new RequestStats();
        RequestStats measured = new RequestStats();
        Duration measuredElapsed = ClientPool.run(settings, "client",
                (index, warmupEndNanos, endNanos) -> loop(warmupEndNanos, endNanos, warmup, measured),
                new ClientPool.Progress(warmup, measured, () -> warmup.failures() + measured.failures(),
                        "[%4d s] %-9s %8s requests  %9s req/s  p50 %s ms  p99 %s ms  unexpected so far: %s%n"),
                progress);
        return new Result(warmup, measured, settings.warmup(), measuredElapsed);
    }

    private void loop(long warmupEndNanos, long endNanos, RequestStats warmup, RequestStats measured) {
        try (Http1Connection connection = new Http1Connection(target)) {
            while (System.nanoTime() < endNanos) {
                try {
                    bodies.writeNext(connection.newBody());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                connection.prepare();
                long sentNanos = System.nanoTime();
                String outcome;
                String failure = null;
                boolean answered = true;
                try {
                    int status = connection.exchange();
                    outcome = status >= 100 && status < STATUS_OUTCOMES.length ? STATUS_OUTCOMES[status] : "HTTP " + status;
                    if (status != expectedStatus) {
                        failure = outcome + ": " + Figures.abbreviate(connection.bodyText(), KEPT_BODY_CHARACTERS);
                    }
                } catch (IOException e) {
                    answered = false;
                    outcome = "no answer (" + e.getClass().getSimpleName() + ")";
                    failure = "no answer: " + Figures.exception(e);
                }
                long answeredNanos = System.nanoTime();
                RequestStats phase = answeredNanos < warmupEndNanos ? warmup : measured;
                phase.record(outcome, (answeredNanos - sentNanos) / 1_000, failure);
                if (!answered) {
                    Thread.sleep(PAUSE_AFTER_NO_ANSWER.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
