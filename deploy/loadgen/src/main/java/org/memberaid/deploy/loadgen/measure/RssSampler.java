package org.memberaid.deploy.loadgen.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory (VmRSS in /proc/PID/status, Linux) of the process named by a pid
 * file, so a report can show what the load did to the service's memory.
 */
public final class RssSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 500;

    private final Path pidFile;
    private final long pid;
    private final ScheduledExecutorService scheduler;
    private final String notSampledReason;
    private long firstKb = -1;
    private long maxKb = -1;
    private long lastKb = -1;
    private boolean exited;

    private RssSampler(Path pidFile, long pid, String notSampledReason) {
        this.pidFile = pidFile;
        this.pid = pid;
        this.notSampledReason = notSampledReason;
        this.scheduler = notSampledReason == null ? Executors.newSingleThreadScheduledExecutor(RssSampler::daemon) : null;
    }

    /** Starts sampling now; when the pid file or the process is missing, the report says so instead. */
    public static RssSampler start(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return new RssSampler(pidFile, -1, "no pid file " + pidFile);
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return new RssSampler(pidFile, -1, "cannot read a pid from " + pidFile + ": " + e.getMessage());
        }
        if (readRssKb(pid).isEmpty()) {
            return new RssSampler(pidFile, pid, "process " + pid + " from " + pidFile + " is not running");
        }
        RssSampler sampler = new RssSampler(pidFile, pid, null);
        sampler.sample();
        sampler.scheduler.scheduleAtFixedRate(sampler::sample, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** One line: max and final RSS, or why there are none. */
    public synchronized String report() {
        String process = processName();
        if (notSampledReason != null) {
            return process + " RSS: not sampled (" + notSampledReason + ")";
        }
        return String.format(Locale.ROOT, "%s RSS (pid %d, sampled every %d ms): max %s, final %s (at start %s)%s",
                process, pid, INTERVAL_MILLIS, Figures.megabytes(maxKb), Figures.megabytes(lastKb),
                Figures.megabytes(firstKb), exited ? "; the process exited during the run" : "");
    }

    /** Takes a last sample and stops. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            sample();
        }
    }

    private synchronized void sample() {
        if (exited) {
            return;
        }
        OptionalLong rss = readRssKb(pid);
        if (rss.isEmpty()) {
            exited = true;
            return;
        }
        long kb = rss.getAsLong();
        if (firstKb < 0) {
            firstKb = kb;
        }
        maxKb = Math.max(maxKb, kb);
        lastKb = kb;
    }

    private String processName() {
        String fileName = pidFile.getFileName().toString();
        return fileName.endsWith(".pid") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    private static OptionalLong readRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            // Most often NoSuchFileException: the process has exited.
            return OptionalLong.empty();
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    }
}
