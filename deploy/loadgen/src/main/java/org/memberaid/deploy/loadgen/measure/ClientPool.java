package org.memberaid.deploy.loadgen.measure;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Runs N closed-loop clients through a warm-up and a measured period, printing a progress line
 * every 10 s: what every load scenario shares, whatever one client does per loop.
 */
public final class ClientPool {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    /** One client: loops until {@code endNanos}; what it records before {@code warmupEndNanos} is warm-up. */
    @FunctionalInterface
    public interface Client {

        void run(int index, long warmupEndNanos, long endNanos);
    }

    /**
     * What the progress line reports.
     *
     * @param warmup and {@code measured}: the stats whose latest interval each line drains
     * @param format a {@link String#format} with, in order: seconds, phase, count, rate, p50 ms, p99 ms, failures
     */
    public record Progress(RequestStats warmup, RequestStats measured, LongSupplier failures, String format) {
    }

    private ClientPool() {
    }

    /** Runs the clients to the end; returns the measured time, up to when the last client stopped. */
    public static Duration run(ClosedLoopLoad.Settings settings, String threadName, Client client, Progress progress,
            PrintStream out) throws InterruptedException {
        long startNanos = System.nanoTime();
        long warmupEndNanos = startNanos + settings.warmup().toNanos();
        long endNanos = warmupEndNanos + settings.duration().toNanos();
        AtomicLong lastStopNanos = new AtomicLong(warmupEndNanos);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                client.run(index, warmupEndNanos, endNanos);
                lastStopNanos.accumulateAndGet(System.nanoTime(), Math::max);
            }, threadName + "-" + i);
            thread.setDaemon(true);
            clients.add(thread);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "progress");
            thread.setDaemon(true);
            return thread;
        });
        ProgressLine line = new ProgressLine(out, startNanos, warmupEndNanos, progress);
        ticker.scheduleAtFixedRate(line::print, PROGRESS_INTERVAL.toMillis(), PROGRESS_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            clients.forEach(Thread::start);
            for (Thread thread : clients) {
                thread.join();
            }
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        }
        return Duration.ofNanos(lastStopNanos.get() - warmupEndNanos);
    }

    /** What the last interval achieved, so a drift shows while the run goes on. */
    private static final class ProgressLine {

        private final PrintStream out;
        private final long startNanos;
        private final long warmupEndNanos;
        private final Progress progress;
        private long previousTickNanos;

        ProgressLine(PrintStream out, long startNanos, long warmupEndNanos, Progress progress) {
            this.out = out;
            this.startNanos = startNanos;
            this.warmupEndNanos = warmupEndNanos;
            this.progress = progress;
            this.previousTickNanos = startNanos;
        }

        void print() {
            long now = System.nanoTime();
            Histogram interval = progress.warmup().takeInterval();
            interval.add(progress.measured().takeInterval());
            Duration elapsed = Duration.ofNanos(now - previousTickNanos);
            previousTickNanos = now;
            out.printf(Locale.ROOT, progress.format(),
                    Duration.ofNanos(now - startNanos).toSeconds(), now < warmupEndNanos ? "warm-up" : "measuring",
                    Figures.count(interval.getTotalCount()), Figures.rate(interval.getTotalCount(), elapsed),
                    Figures.millis(interval.getValueAtPercentile(50)), Figures.millis(interval.getValueAtPercentile(99)),
                    Figures.count(progress.failures().getAsLong()));
        }
    }
}
