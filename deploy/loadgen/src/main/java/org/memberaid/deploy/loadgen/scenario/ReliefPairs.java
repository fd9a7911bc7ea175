package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.measure.ClientPool;
import org.memberaid.deploy.loadgen.measure.ClosedLoopLoad;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.Http1Connection;
import org.memberaid.deploy.loadgen.measure.RequestStats;

/**
 * N closed-loop clients, each over its own keep-alive connection ({@link Http1Connection}):
 * request a HARDSHIP_RELIEF disbursement ({@code POST /api/disbursements} with a fresh
 * {@code Idempotency-Key}, expecting 201 and the new id), then approve it
 * ({@code POST /api/disbursements/{id}/approval}, expecting 200), then the next pair. Members are
 * taken round robin across all clients; amounts are random, 1,000.00 to 3,000.00 yuan. Requests
 * carry a caseworker's token, approvals an approver's: the service refuses an approval by the
 * user who requested.
 *
 * <p>Each request, and each pair, belongs to the phase (warm-up or measurement) in which its last
 * answer came. The money the service confirmed (approvals answered 200) is added up in fen over
 * both phases, so that it can be compared with what the funds were charged.
 */
final class ReliefPairs {

    static final String DISBURSEMENTS = "/api/disbursements";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final long MIN_AMOUNT_FEN = 100_000;
    static final long MAX_AMOUNT_FEN = 300_000;

    private static final int CREATED = 201;
    private static final int OK = 200;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAUSE_AFTER_NO_ANSWER = Duration.ofMillis(100);
    private static final int KEPT_BODY_CHARACTERS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9A-Za-z-]{1,100}");

    /** Who is paid, from which fund: the member must live in the fund's county. */
    record Beneficiary(String memberId, String fundId) {
    }

    /** What one phase saw: each request of a pair apart, and the pairs. */
    record Phase(RequestStats requests, RequestStats approvals, RequestStats pairs) {

        Phase() {
            this(new RequestStats(), new RequestStats(), new RequestStats());
        }

        long failures() {
            return pairs.failures();
        }
    }

    /**
     * @param approvedPairs pairs whose approval answered 200, warm-up included
     * @param approvedFen the sum of their amounts, in fen, warm-up included
     * @param unansweredApprovals ids of disbursements whose approval got no answer: the service may
     *     or may not have approved them
     */
    record Result(Phase warmup, Phase measured, Duration warmupElapsed, Duration measuredElapsed, long approvedPairs,
            long approvedFen, List<String> unansweredApprovals) {

        BigDecimal approvedYuan() {
            return BigDecimal.valueOf(approvedFen, 2);
        }

        long failures() {
            return warmup.failures() + measured.failures();
        }
    }

    private final Http1Connection.Target target;
    /** The target of the approvals: the same host, with the approver's token. */
    private final Http1Connection.Target approvals;
    /** The path of the disbursements collection, e.g. /api/disbursements. */
    private final String collection;
    private final List<Beneficiary> beneficiaries;
    private final String disbursedOn;
    private final long seed;
    private final AtomicLong nextBeneficiary = new AtomicLong();
    private final LongAdder approvedPairs = new LongAdder();
    private final LongAdder approvedFen = new LongAdder();
    private final List<String> unansweredApprovals = new CopyOnWriteArrayList<>();

    /**
     * @param disbursements the disbursements collection of relief-service, e.g. http://localhost:8082/api/disbursements
     * @param disbursedOn the date of the disbursements, in the funds' year
     * @param seed of the amounts
     * @param requester the Authorization header of the requests (a caseworker)
     * @param approver the Authorization header of the approvals (an approver, another user)
     */
    ReliefPairs(URI disbursements, List<Beneficiary> beneficiaries, LocalDate disbursedOn, long seed, String requester,
            String approver) {
        if (beneficiaries.isEmpty()) {
            throw new IllegalArgumentException("no one to pay");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put(AccessTokens.AUTHORIZATION, requester);
        this.target = Http1Connection.Target.post(disbursements, headers, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        headers.put(AccessTokens.AUTHORIZATION, approver);
        this.approvals = Http1Connection.Target.post(disbursements, headers, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        this.collection = disbursements.getRawPath();
        this.beneficiaries = List.copyOf(beneficiaries);
        this.disbursedOn = disbursedOn.toString();
        this.seed = seed;
    }

    Result run(ClosedLoopLoad.Settings settings, PrintStream progress) throws InterruptedException {
        Phase warmup = new Phase();
        Phase measured = new Phase();
        SplittableRandom amounts = new SplittableRandom(seed);
        List<SplittableRandom> randoms = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            randoms.add(amounts.split());
        }
        Duration measuredElapsed = ClientPool.run(settings, "relief-client",
                (index, warmupEndNanos, endNanos) -> loop(randoms.get(index), warmupEndNanos, endNanos, warmup, measured),
                new ClientPool.Progress(warmup.pairs(), measured.pairs(), () -> warmup.failures() + measured.failures(),
                        "[%4d s] %-9s %8s pairs  %8s pairs/s  pair p50 %s ms  p99 %s ms  failed pairs so far: %s%n"),
                progress);
        return new Result(warmup, measured, settings.warmup(), measuredElapsed, approvedPairs.sum(), approvedFen.sum(),
                List.copyOf(unansweredApprovals));
    }

    private void loop(SplittableRandom random, long warmupEndNanos, long endNanos, Phase warmup, Phase measured) {
        try (Http1Connection connection = new Http1Connection(target)) {
            while (System.nanoTime() < endNanos) {
                Beneficiary beneficiary = beneficiaries.get(
                        (int) (nextBeneficiary.getAndIncrement() % beneficiaries.size()));
                long amountFen = MIN_AMOUNT_FEN + random.nextLong(MAX_AMOUNT_FEN - MIN_AMOUNT_FEN + 1);
                writeRequest(connection, beneficiary, amountFen);
                connection.prepare(collection, IDEMPOTENCY_KEY, UUID.randomUUID().toString());

                long pairStartNanos = System.nanoTime();
                Answer request = exchange(connection, CREATED);
                long requestAnsweredNanos = System.nanoTime();
                String id = request.failure == null ? idOf(connection.bodyText()) : null;
                String requestFailure = request.failure == null && id == null
                        ? "HTTP 201 without an id: " + Figures.abbreviate(connection.bodyText(), KEPT_BODY_CHARACTERS) : request.failure;
                phaseAt(requestAnsweredNanos, warmupEndNanos, warmup, measured).requests()
                        .record(request.outcome, micros(requestAnsweredNanos - pairStartNanos), requestFailure);
                if (requestFailure != null) {
                    phaseAt(requestAnsweredNanos, warmupEndNanos, warmup, measured).pairs()
                            .record("request failed", micros(requestAnsweredNanos - pairStartNanos), "request failed");
                    pauseIfUnanswered(request);
                    continue;
                }

                // The approver is the token's subject; the body has nothing more to say.
                connection.newBody().write(EMPTY_OBJECT);
                connection.prepare(approvals, collection + "/" + id + "/approval");
                long approvalSentNanos = System.nanoTime();
                Answer approval = exchange(connection, OK);
                long approvedNanos = System.nanoTime();
                Phase phase = phaseAt(approvedNanos, warmupEndNanos, warmup, measured);
                phase.approvals().record(approval.outcome, micros(approvedNanos - approvalSentNanos), approval.failure);
                if (approval.failure == null) {
                    approvedPairs.increment();
                    approvedFen.add(amountFen);
                    phase.pairs().record("approved", micros(approvedNanos - pairStartNanos), null);
                } else {
                    if (!approval.answered) {
                        unansweredApprovals.add(id);
                    }
                    phase.pairs().record("approval failed", micros(approvedNanos - pairStartNanos), "approval failed");
                    pauseIfUnanswered(approval);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Only writing to the in-memory body can throw, and it does not.
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeRequest(Http1Connection connection, Beneficiary beneficiary, long amountFen) throws IOException {
        String body = "{\"memberId\":\"" + beneficiary.memberId() + "\",\"fundId\":\"" + beneficiary.fundId()
                + "\",\"kind\":\"HARDSHIP_RELIEF\",\"amount\":\"" + BigDecimal.valueOf(amountFen, 2).toPlainString()
                + "\",\"disbursedOn\":\"" + disbursedOn + "\",\"reason\":\"loadgen\"}";
        connection.newBody().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** What a request got: its outcome for the counts, and a description when it was not the expected status. */
    private record Answer(String outcome, String failure, boolean answered) {
    }

    private static Answer exchange(Http1Connection connection, int expected) {
        try {
            int status = connection.exchange();
            String outcome = "HTTP " + status;
            return new Answer(outcome, status == expected ? null : outcome + ": " + Figures.abbreviate(connection.bodyText(), KEPT_BODY_CHARACTERS), true);
        } catch (IOException e) {
            return new Answer("no answer (" + e.getClass().getSimpleName() + ")", "no answer: " + Figures.exception(e),
                    false);
        }
    }

    /** The "id" of a JSON object, when it can go in a path as is (letters, digits, '-'); null otherwise. */
    static String idOf(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("id");
            return id != null && id.isTextual() && ID.matcher(id.asText()).matches() ? id.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void pauseIfUnanswered(Answer answer) throws InterruptedException {
        if (!answer.answered) {
            Thread.sleep(PAUSE_AFTER_NO_ANSWER.toMillis()); // keeps a client from spinning when the service is down
        }
    }

    private static Phase phaseAt(long nanos, long warmupEndNanos, Phase warmup, Phase measured) {
        return nanos < warmupEndNanos ? warmup : measured;
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
