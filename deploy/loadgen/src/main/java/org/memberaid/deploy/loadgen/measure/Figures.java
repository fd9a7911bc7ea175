package org.memberaid.deploy.loadgen.measure;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** How the reports write numbers: thousands separated, latencies in milliseconds. */
public final class Figures {

    private Figures() {
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String rate(long count, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return String.format(Locale.ROOT, "%,.1f", seconds > 0 ? count / seconds : 0.0);
    }

    /** Percentiles of a histogram of microseconds, in milliseconds. */
    public static String latencies(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no requests";
        }
        return String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (mean %s)",
                millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()), millis(Math.round(micros.getMean())));
    }

    public static String millis(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
    }

    /** The exception's class and message; the JDK HTTP client's ConnectException has its message in the cause. */
    public static String exception(Throwable e) {
        Throwable described = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
        return e.getClass().getSimpleName() + (described.getMessage() == null ? "" : ": " + described.getMessage());
    }

    public static String outcomes(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + count(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A size in bytes, in the largest unit that keeps it above 1. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0) : megabytes(bytes / 1024);
    }

    public static String megabytes(long kilobytes) {
        return String.format(Locale.ROOT, "%.1f MB", kilobytes / 1024.0);
    }

    /** A response body on one line, cut after {@code maxCharacters}: enough to see why a request failed. */
    public static String abbreviate(String body, int maxCharacters) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= maxCharacters ? oneLine : oneLine.substring(0, maxCharacters) + "...";
    }
}
