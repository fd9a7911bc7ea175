package org.memberaid.deploy.loadgen.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the requests of one phase (warm-up or measurement) got: latencies in microseconds, a count
 * per outcome, and the first few distinct unexpected answers. Recorded concurrently by the clients.
 */
public final class RequestStats {

    private static final int KEPT_FAILURES = 5;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder latencies = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram cumulative = new Histogram(SIGNIFICANT_DIGITS);
    private final ConcurrentMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final List<String> keptFailures = new ArrayList<>();

    /**
     * @param outcome what the request got, e.g. "201" or "no answer (ConnectException)"
     * @param failure a description of an unexpected outcome, or {@code null} when it was expected
     */
    public void record(String outcome, long latencyMicros, String failure) {
        latencies.recordValue(Math.max(latencyMicros, 1));
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
        if (failure != null) {
            failures.increment();
            synchronized (keptFailures) {
                if (keptFailures.size() < KEPT_FAILURES && !keptFailures.contains(failure)) {
                    keptFailures.add(failure);
                }
            }
        }
    }

    /** The latencies recorded since the previous call, which are added to {@link #cumulative()}. */
    public synchronized Histogram takeInterval() {
        Histogram interval = latencies.getIntervalHistogram();
        cumulative.add(interval);
        return interval;
    }

    /** Every latency recorded so far. */
    public synchronized Histogram cumulative() {
        takeInterval();
        return cumulative.copy();
    }

    public Map<String, Long> outcomes() {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    public long failures() {
        return failures.sum();
    }

    public List<String> keptFailures() {
        synchronized (keptFailures) {
            return List.copyOf(keptFailures);
        }
    }
}
