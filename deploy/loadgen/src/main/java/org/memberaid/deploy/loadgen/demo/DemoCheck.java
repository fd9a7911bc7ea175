package org.memberaid.deploy.loadgen.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.demo.DemoHttp.Answer;

/**
 * Compares reporting-service's 2015 reports of Zhangye (620700) and of each county with the figures
 * a {@link ZhangyeDemo} expects: {@code GET /api/reports/regions/620700?year=2015} and
 * {@code GET /api/reports/counties/{code}?year=2015}, as the analyst. Numbers compare by value
 * ("0.0493" and 0.0493, "6200000.00" and 6.2E+6 are one figure); anything else as text.
 */
public final class DemoCheck {

    /** A figure the report gives otherwise than expected ({@code actual} "absent" when missing). */
    public record Mismatch(String region, String field, String expected, String actual) {

        @Override
        public String toString() {
            return region + " " + field + ": expected " + expected + ", reported " + actual;
        }
    }

    static final Duration FRESHNESS_TIMEOUT = Duration.ofMinutes(3);
    /** After the reports have caught up with the broker, mismatches may still be events on their way from an outbox. */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final URI reports;
    private final DemoHttp http;
    private final Duration settleTimeout;

    public DemoCheck(URI reports, AccessTokens tokens) {
        this(reports, tokens, SETTLE_TIMEOUT);
    }

    DemoCheck(URI reports, AccessTokens tokens, Duration settleTimeout) {
        tokens.require(Role.ANALYST);
        this.reports = reports;
        this.http = new DemoHttp(tokens);
        this.settleTimeout = settleTimeout;
    }

    /** Every figure of the city's and the counties' 2015 reports that differs from the demo's: none when all match. */
    public List<Mismatch> compare(ZhangyeDemo demo) throws DemoFailure, InterruptedException {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> report : reports().entrySet()) {
            mismatches.addAll(compare(report.getKey(), demo.expected(report.getKey()), report.getValue()));
        }
        return mismatches;
    }

    /** The figures of {@code report} that differ from {@code expected}. */
    public static List<Mismatch> compare(String region, Map<String, String> expected, JsonNode report) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> figure : expected.entrySet()) {
            String actual = shown(report.get(figure.getKey()));
            if (!same(figure.getValue(), actual)) {
                mismatches.add(new Mismatch(region, figure.getKey(), figure.getValue(), actual));
            }
        }
        return mismatches;
    }

    /**
     * Waits until reporting has applied every event on the broker (freshness lag 0), then compares
     * until the figures match or {@link #SETTLE_TIMEOUT} (60 s) passes; prints the city's and the counties'
     * figures beside the expected ones and answers the mismatches of the last comparison.
     */
    public List<Mismatch> awaitAndCompare(ZhangyeDemo demo, PrintStream out) throws DemoFailure, InterruptedException {
        long started = System.nanoTime();
        awaitFreshness();
        out.printf("reports: caught up with the broker after %s%n", Durations.seconds(Duration.ofNanos(System.nanoTime() - started)));
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        Map<String, JsonNode> reports;
        List<Mismatch> mismatches;
        while (true) {
            reports = reports();
            mismatches = new ArrayList<>();
            for (Map.Entry<String, JsonNode> report : reports.entrySet()) {
                mismatches.addAll(compare(report.getKey(), demo.expected(report.getKey()), report.getValue()));
            }
            if (mismatches.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        print(demo, reports, out);
        return mismatches;
    }

    private void awaitFreshness() throws DemoFailure, InterruptedException {
        long deadline = System.nanoTime() + FRESHNESS_TIMEOUT.toNanos();
        while (true) {
            Answer answer = http.get(DemoLoader.endpoint(reports, "/api/reports/freshness"), Role.ANALYST);
            if (answer.status() != 200) {
                throw new DemoFailure(answer.describe());
            }
            JsonNode lag = answer.body().get("lag");
            if (lag != null && lag.canConvertToLong() && lag.asLong() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure("reporting-service has not caught up after " + Durations.describe(FRESHNESS_TIMEOUT)
                        + ": lag " + lag + (answer.text("brokerProblem") == null ? "" : ", " + answer.text("brokerProblem")));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The city's report and each county's, by region code, the city first. */
    private Map<String, JsonNode> reports() throws DemoFailure, InterruptedException {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put(DemoCounty.CITY, report("/api/reports/regions/" + DemoCounty.CITY + "?year=" + ZhangyeDemo.YEAR));
        for (DemoCounty county : DemoCounty.ALL) {
            reports.put(county.code(), report("/api/reports/counties/" + county.code() + "?year=" + ZhangyeDemo.YEAR));
        }
        return reports;
    }

    private JsonNode report(String path) throws DemoFailure, InterruptedException {
        Answer answer = http.get(DemoLoader.endpoint(reports, path), Role.ANALYST);
        if (answer.status() != 200 || !answer.body().isObject()) {
            throw new DemoFailure(answer.describe());
        }
        return answer.body();
    }

    /** The figures side by side: one row per field, the city then the counties, "reported/expected" where they differ. */
    static void print(ZhangyeDemo demo, Map<String, JsonNode> reports, PrintStream out) {
        List<String> regions = new ArrayList<>(reports.keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-34s", "2015 (reported = expected)"));
        regions.forEach(region -> header.append(String.format(Locale.ROOT, " %16s", region)));
        out.println(header);
        for (String field : demo.expected(DemoCounty.CITY).keySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-34s", field));
            for (String region : regions) {
                String expected = demo.expected(region).get(field);
                String actual = shown(reports.get(region).get(field));
                row.append(String.format(Locale.ROOT, " %16s", same(expected, actual) ? actual : actual + "/" + expected + "!"));
            }
            out.println(row);
        }
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "absent";
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        }
        return value.isNull() ? "null" : value.asText();
    }

    static boolean same(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
