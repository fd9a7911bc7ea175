package org.memberaid.deploy.loadgen.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.demo.DemoCheck;
import org.memberaid.deploy.loadgen.demo.DemoCheck.Mismatch;
import org.memberaid.deploy.loadgen.demo.DemoLoader;
import org.memberaid.deploy.loadgen.demo.ZhangyeDemo;
import org.memberaid.deploy.loadgen.system.Api.Answer;

/**
 * Steps 1 and 2 of the system test: the Zhangye 2015 demo loaded through the public APIs, its
 * city roll-up equal to the article's figures and every county to the demo's own tally; then the
 * reports rebuilt from the topics, and the same figures again.
 */
final class DemoSteps {

    /**
     * The figures of the article (shared/seed of the project: Zhangye's 2015 programme) as the
     * city's 2015 report shows them; where the article says "180-odd" placements, the demo's 183.
     */
    static final Map<String, String> ARTICLE = article();

    private static final String CITY = "620700";
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

    private final Api api;
    private final AccessTokens tokens;
    private final ZhangyeDemo demo;
    private final PrintStream out;

    DemoSteps(Api api, AccessTokens tokens, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.out = out;
        this.demo = ZhangyeDemo.generate(ZhangyeDemo.DEFAULT_SEED);
    }

    /** Loads the demo and compares: the mismatches, none when exact. */
    List<String> load(Steps steps) throws Exception {
        Map<String, Duration> took = steps.call("load the Zhangye 2015 demo (seed " + demo.seed() + ") through the APIs",
                () -> new DemoLoader(new DemoLoader.Endpoints(api.members, api.relief, api.reports), tokens, 16, out)
                        .load(demo));
        took.forEach((step, duration) -> out.printf("    %-14s %s%n", step,
                Durations.seconds(duration)));
        return steps.call("2015: the city equals the article, every county the demo's tally", () -> {
            List<String> problems = new ArrayList<>(describe(new DemoCheck(api.reports, tokens).awaitAndCompare(demo, out)));
            problems.addAll(checkArticle());
            return problems;
        });
    }

    /** Rebuilds the reports from the topics and compares again. */
    List<String> rebuild(Steps steps) throws Exception {
        steps.run("rebuild the reports from the topics", () -> {
            Instant asked = Instant.now();
            Answer started = api.post(api.reports, "/api/admin/rebuild", Role.ADMIN, "", Map.of());
            if (started == null || started.status() != 202) {
                throw new SystemTestFailure("POST /api/admin/rebuild answered " + (started == null ? "nothing" : started));
            }
            String schema = started.body().path("schema").asText();
            CrashCourse.await(() -> switched(schema), REBUILD_TIMEOUT, "the rebuild into " + schema + " to switch");
            out.printf("    %s built from both topics and switched to, %s after it was asked for%n", schema,
                    Durations.seconds(Duration.between(asked, Instant.now())));
        });
        return steps.call("2015 after the rebuild: the same figures", this::compareAgain);
    }

    /** The demo's figures once more (after the crashes: nothing of 2015 may have changed). */
    List<String> compareAgain() throws Exception {
        List<String> problems = new ArrayList<>(describe(new DemoCheck(api.reports, tokens).compare(demo)));
        problems.addAll(checkArticle());
        out.printf("    %d figures of 620700 and its six counties compared: %s%n", 7 * demo.expected(CITY).size(),
                problems.isEmpty() ? "all equal" : problems.size() + " DIFFER");
        return problems;
    }

    private boolean switched(String schema) {
        try {
            Answer status = api.get(api.reports, "/api/admin/rebuild", Role.ADMIN);
            return status != null && status.status() == 200 && schema.equals(status.body().path("schema").asText())
                    && "SWITCHED".equals(status.body().path("state").asText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> checkArticle() throws InterruptedException, SystemTestFailure {
        JsonNode city = api.read(api.reports, "/api/reports/regions/" + CITY + "?year=" + ZhangyeDemo.YEAR, Role.ANALYST);
        List<Mismatch> mismatches = DemoCheck.compare(CITY, ARTICLE, city);
        out.printf("    the article's %d figures of Zhangye 2015: %s%n", ARTICLE.size(),
                mismatches.isEmpty() ? "all as reported" : mismatches.size() + " DIFFER");
        ARTICLE.forEach((field, value) -> out.printf("      %-34s %s%n", field, value));
        return describe(mismatches);
    }

    private static List<String> describe(List<Mismatch> mismatches) {
        return mismatches.stream().map(Mismatch::toString).toList();
    }

    private static Map<String, String> article() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("membersTotal", "88986");
        figures.put("membersInDifficulty", "4386");
        figures.put("povertyRate", "0.0493");
        figures.put("beneficiariesStartupSupport", "279");
        figures.put("fundsApprovedStartupSupport", "6200000.00");
        figures.put("projectRecommendations", "353");
        figures.put("trainingPersonTimes", "780");
        figures.put("jobPlacements", "183");
        figures.put("distinctEmployers", "74");
        figures.put("minimumLivingAllowanceEnrolments", "1052");
        figures.put("membersMedicalOrEducationAssisted", "618");
        figures.put("membersPaired", "2008");
        figures.put("helpersCadre", "1221");
        figures.put("helpersBusinessLeader", "954");
        return Collections.unmodifiableMap(figures);
    }
}
