package org.memberaid.deploy.loadgen.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.system.Api.Answer;
import org.memberaid.deploy.loadgen.system.SecondStream.Attempt;
import org.memberaid.deploy.loadgen.system.SecondStream.Kind;
import org.memberaid.deploy.loadgen.system.SecondStream.Outcome;

/**
 * Reads back every write of the second stream once the system is idle: one answered 2xx is there
 * exactly once; one refused (4xx) is not there; one answered 5xx or not at all is there once or
 * not at all, never twice. A disbursement request of that last kind is then sent again with its
 * Idempotency-Key, as a client retries: it must answer 201, and afterwards the member has exactly
 * one disbursement, the same one if the first attempt had been applied.
 */
final class Readback {

    /** What the read-back found, per kind: writes checked, and those found applied among the unknown ones. */
    record Result(Map<Kind, long[]> counts, List<String> problems) {

        boolean passed() {
            return problems.isEmpty();
        }
    }

    private static final int THREADS = 8;

    private final Api api;

    Readback(Api api) {
        this.api = api;
    }

    Result check(List<Attempt> attempts) throws InterruptedException, SystemTestFailure {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        // per kind: [checked, unknown, unknown found applied]
        Map<Kind, long[]> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, new long[3]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (Attempt attempt : attempts) {
                checks.add(pool.submit(() -> check(attempt, problems)));
            }
            for (int i = 0; i < checks.size(); i++) {
                Attempt attempt = attempts.get(i);
                boolean applied;
                try {
                    applied = checks.get(i).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SystemTestFailure failure) {
                        throw failure;
                    }
                    throw new SystemTestFailure("reading back " + attempt + " failed: " + e.getCause());
                }
                long[] kindCounts = counts.get(attempt.kind());
                kindCounts[0]++;
                if (attempt.outcome() == Outcome.UNKNOWN) {
                    kindCounts[1]++;
                    if (applied) {
                        kindCounts[2]++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(counts, List.copyOf(problems));
    }

    /** @return whether the write was found applied */
    private boolean check(Attempt attempt, List<String> problems) throws InterruptedException, SystemTestFailure {
        return switch (attempt.kind()) {
            case REGISTRATION -> registration(attempt, problems);
            case ASSESSMENT -> assessment(attempt, problems);
            case DISBURSEMENT_REQUEST -> request(attempt, problems);
            case APPROVAL -> approval(attempt, problems);
        };
    }

    private boolean registration(Attempt attempt, List<String> problems) throws InterruptedException, SystemTestFailure {
        JsonNode page = api.read(api.members, "/api/members?size=5&q=" + attempt.target(), Role.REGISTRAR);
        long found = page.path("total").asLong();
        expectCount(attempt, found, problems);
        if (attempt.outcome() == Outcome.OK && found == 1
                && !page.path("items").path(0).path("id").asText().equals(attempt.answerId())) {
            problems.add("registration answered " + attempt.answerId() + " but the registry holds "
                    + page.path("items").path(0).path("id").asText() + " for that national ID");
        }
        return found > 0;
    }

    private boolean assessment(Attempt attempt, List<String> problems) throws InterruptedException, SystemTestFailure {
        JsonNode history = api.read(api.members, "/api/members/" + attempt.target() + "/hardship-assessments",
                Role.REGISTRAR);
        JsonNode items = history.isArray() ? history : history.path("items");
        long found = 0;
        for (JsonNode assessment : items) {
            if ("LIFTED_OUT".equals(assessment.path("status").asText())) {
                found++;
            }
        }
        expectCount(attempt, found, problems);
        return found > 0;
    }

    private boolean request(Attempt attempt, List<String> problems) throws InterruptedException, SystemTestFailure {
        JsonNode before = disbursementsOf(attempt.target());
        long found = before.path("total").asLong();
        expectCount(attempt, found, problems);
        if (attempt.outcome() == Outcome.OK && found == 1
                && !before.path("items").path(0).path("id").asText().equals(attempt.answerId())) {
            problems.add("request answered " + attempt.answerId() + " but member " + attempt.target()
                    + " has disbursement " + before.path("items").path(0).path("id").asText());
        }
        if (attempt.outcome() != Outcome.UNKNOWN || found > 1) {
            return found > 0;
        }
        // The client retries with the same key: the first attempt's disbursement, or a new one, never two.
        Answer retry = retry(attempt);
        if (retry == null || retry.status() != 201) {
            problems.add("the retry of request " + attempt.key() + " answered " + (retry == null ? "nothing" : retry));
            return found > 0;
        }
        JsonNode after = disbursementsOf(attempt.target());
        String retried = retry.body().path("id").asText();
        if (after.path("total").asLong() != 1) {
            problems.add("after the retry of request " + attempt.key() + " member " + attempt.target() + " has "
                    + after.path("total").asLong() + " disbursements, expected 1");
        } else if (found == 1 && !before.path("items").path(0).path("id").asText().equals(retried)) {
            problems.add("the retry of request " + attempt.key() + " made " + retried + " although "
                    + before.path("items").path(0).path("id").asText() + " was there: paid twice");
        }
        return found > 0;
    }

    private Answer retry(Attempt attempt) throws InterruptedException {
        Answer answer = null;
        for (int i = 0; i < 20; i++) {
            answer = api.post(api.relief, "/api/disbursements", Role.CASEWORKER, attempt.body(),
                    Map.of("Idempotency-Key", attempt.key()));
            if (answer != null && answer.status() < 500 && answer.status() != 409) {
                return answer;
            }
            Thread.sleep(250);
        }
        return answer;
    }

    private JsonNode disbursementsOf(String memberId) throws InterruptedException, SystemTestFailure {
        return api.read(api.relief, "/api/disbursements?size=10&memberId=" + memberId, Role.CASEWORKER);
    }

    private boolean approval(Attempt attempt, List<String> problems) throws InterruptedException, SystemTestFailure {
        JsonNode disbursement = api.read(api.relief, "/api/disbursements/" + attempt.target(), Role.CASEWORKER);
        String status = disbursement.path("status").asText();
        boolean approved = "APPROVED".equals(status) || "PAID".equals(status);
        boolean requested = "REQUESTED".equals(status);
        boolean fine = switch (attempt.outcome()) {
            case OK -> approved;
            case REFUSED -> requested;
            case UNKNOWN -> approved || requested;
        };
        if (!fine) {
            problems.add("approval of " + attempt.target() + " answered " + describe(attempt) + " but it is " + status);
        }
        return approved;
    }

    private static void expectCount(Attempt attempt, long found, List<String> problems) {
        boolean fine = switch (attempt.outcome()) {
            case OK -> found == 1;
            case REFUSED -> found == 0;
            case UNKNOWN -> found <= 1;
        };
        if (!fine) {
            problems.add(attempt.kind().name().toLowerCase() + " of " + attempt.target() + " answered "
                    + describe(attempt) + " and is found " + found + " times");
        }
    }

    private static String describe(Attempt attempt) {
        return attempt.status() == 0 ? "nothing" : "HTTP " + attempt.status()
                + (attempt.rule() == null ? "" : " (" + attempt.rule() + ")");
    }
}
