package org.memberaid.deploy.loadgen.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.members.HardshipCause;
import org.memberaid.deploy.loadgen.members.MemberJson;
import org.memberaid.deploy.loadgen.members.SyntheticMember;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;
import org.memberaid.deploy.loadgen.system.Api.Answer;

/**
 * The writes a registry office and a county's relief desk make while processes die around them:
 * registrations of members in difficulty; for a third of them an assessment lifting them out; for
 * the others a hardship relief request (a fresh Idempotency-Key each) and, once answered 201, its
 * approval by another user. A few threads, each paced, take the oldest follow-up due or else
 * register someone new. Every write is recorded with what came back: 2xx, a refusal (4xx), or 5xx
 * or nothing at all, which leaves open whether it was applied; {@link Readback} settles each.
 */
final class SecondStream {

    enum Kind { REGISTRATION, ASSESSMENT, DISBURSEMENT_REQUEST, APPROVAL }

    enum Outcome { OK, REFUSED, UNKNOWN }

    /**
     * One write and its answer.
     *
     * @param target  what it names: the national ID (registration), the member id (assessment,
     *                request), the disbursement id (approval)
     * @param key     the Idempotency-Key of a request, else null
     * @param body    the JSON sent
     * @param answerId the id a 2xx answer gave (member, disbursement), else null
     */
    record Attempt(Kind kind, String target, String key, String body, Outcome outcome, int status, String answerId,
            String rule) {
    }

    /** A registered member waiting for a request, not before {@code notBefore} (relief may not know it yet). */
    private record Pending(String memberId, String key, String body, long notBefore, long delay) {

        /** The same request, due after {@code backoff} nanoseconds. */
        Pending later(long backoff) {
            return new Pending(memberId, key, body, System.nanoTime() + backoff, backoff);
        }
    }

    private static final List<HardshipCause> CAUSES = List.of(HardshipCause.ILLNESS);
    private static final long REPLICA_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    private static final long MAX_REPLICA_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final List<Api> apis;
    private final AtomicLong writes = new AtomicLong();
    private final Map<String, String> fundByCounty;
    private final List<String> counties;
    private final LocalDate today;
    private final SyntheticMembers synthetic;
    private final SplittableRandom amounts;
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> toAssess = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pending> toRequest = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> toApprove = new ConcurrentLinkedQueue<>();
    private final Map<Kind, Map<Outcome, AtomicLong>> counts = new EnumMap<>(Kind.class);
    private final AtomicLong registrations = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Throwable crashed;

    /**
     * @param fundByCounty the SPECIAL_RELIEF fund of this year of each county the stream registers in
     * @param today the business date of the writes (Asia/Shanghai)
     */
    SecondStream(Api api, Map<String, String> fundByCounty, LocalDate today, long seed) {
        this(List.of(api), fundByCounty, today, seed);
    }

    /** Writes spread over the instances of each service, one write to the next instance in turn. */
    SecondStream(List<Api> apis, Map<String, String> fundByCounty, LocalDate today, long seed) {
        this.apis = List.copyOf(apis);
        this.fundByCounty = Map.copyOf(fundByCounty);
        this.counties = fundByCounty.keySet().stream().sorted().toList();
        this.today = today;
        this.synthetic = new SyntheticMembers(seed, today);
        this.amounts = new SplittableRandom(seed);
        for (Kind kind : Kind.values()) {
            Map<Outcome, AtomicLong> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, new AtomicLong());
            }
            counts.put(kind, byOutcome);
        }
    }

    /** Starts {@code threadCount} writers, together about {@code writesPerSecond}. */
    void start(int threadCount, double writesPerSecond) {
        long intervalNanos = (long) (threadCount * 1e9 / writesPerSecond);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> write(intervalNanos), "second-stream-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops the writers, waits for their last answers, and returns every write made. */
    List<Attempt> stop() throws InterruptedException, SystemTestFailure {
        stopping = true;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        if (crashed != null) {
            throw new SystemTestFailure("a writer of the second stream failed: " + crashed);
        }
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** One line: the writes so far per kind and outcome. */
    String progress() {
        StringBuilder line = new StringBuilder();
        for (Kind kind : Kind.values()) {
            Map<Outcome, AtomicLong> byOutcome = counts.get(kind);
            line.append(String.format("%s %d ok/%d refused/%d unknown  ", kind.name().toLowerCase().replace('_', ' '),
                    byOutcome.get(Outcome.OK).get(), byOutcome.get(Outcome.REFUSED).get(),
                    byOutcome.get(Outcome.UNKNOWN).get()));
        }
        return line.toString().strip();
    }

    /** How many approvals have been answered 2xx so far. */
    long approvalsAnswered() {
        return counts.get(Kind.APPROVAL).get(Outcome.OK).get();
    }

    /** How many disbursement requests have been answered 2xx so far. */
    long requestsAnswered() {
        return counts.get(Kind.DISBURSEMENT_REQUEST).get(Outcome.OK).get();
    }

    /** How many registrations have been answered 2xx so far. */
    long registrationsAnswered() {
        return counts.get(Kind.REGISTRATION).get(Outcome.OK).get();
    }

    private void write(long intervalNanos) {
        long next = System.nanoTime();
        try {
            while (!stopping) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += intervalNanos;
                writeOne();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            crashed = e;
        }
    }

    /**
     * The oldest follow-up due (an approval, a request, an assessment), else a new registration. A
     * request relief refuses because it has not read the member yet is not a write: it waits,
     * longer each time, and the slot goes to the next thing to do.
     */
    private void writeOne() throws InterruptedException {
        Api api = apis.get((int) (writes.getAndIncrement() % apis.size()));
        String disbursementId = toApprove.poll();
        if (disbursementId != null) {
            approve(api, disbursementId);
            return;
        }
        Pending pending = toRequest.peek();
        if (pending != null && pending.notBefore() <= System.nanoTime() && toRequest.remove(pending) && request(api, pending)) {
            return;
        }
        String memberId = toAssess.poll();
        if (memberId != null) {
            assess(api, memberId);
            return;
        }
        register(api);
    }

    private void register(Api api) throws InterruptedException {
        long n = registrations.getAndIncrement();
        String county = counties.get((int) (n % counties.size()));
        SyntheticMember member = synthetic.nextInDifficulty(county, CAUSES);
        String body = MemberJson.toJson(member);
        Answer answer = api.post(api.members, "/api/members", Role.REGISTRAR, body, Map.of());
        String memberId = answer != null && answer.ok() && answer.body() != null ? answer.body().path("id").asText(null) : null;
        record(Kind.REGISTRATION, member.nationalId(), null, body, answer, memberId);
        if (memberId == null) {
            return;
        }
        if (n % 3 == 2) {
            toAssess.add(memberId);
        } else {
            BigDecimal amount = BigDecimal.valueOf(1_000 + 100L * amounts.nextInt(21)).setScale(2);
            String request = String.format("{\"memberId\":\"%s\",\"fundId\":\"%s\",\"kind\":\"HARDSHIP_RELIEF\","
                    + "\"amount\":%s,\"disbursedOn\":\"%s\",\"reason\":\"system test\"}",
                    memberId, fundByCounty.get(county), amount.toPlainString(), today);
            toRequest.add(new Pending(memberId, UUID.randomUUID().toString(), request, System.nanoTime(), 0));
        }
    }

    private void assess(Api api, String memberId) throws InterruptedException {
        String body = "{\"status\":\"LIFTED_OUT\",\"assessedOn\":\"" + today + "\",\"note\":\"system test\"}";
        Answer answer = api.post(api.members, "/api/members/" + memberId + "/hardship-assessments", Role.REGISTRAR,
                body, Map.of());
        record(Kind.ASSESSMENT, memberId, null, body, answer, null);
    }

    /** @return whether the request was a write (answered otherwise than "member unknown") */
    private boolean request(Api api, Pending pending) throws InterruptedException {
        Answer answer = api.post(api.relief, "/api/disbursements", Role.CASEWORKER, pending.body(),
                Map.of("Idempotency-Key", pending.key()));
        if (answer != null && answer.status() == 422 && "member-unknown".equals(answer.rule())) {
            // relief-service has not read the registration yet (Kafka may be down): ask again later.
            long backoff = Math.min(MAX_REPLICA_WAIT_NANOS, 2 * Math.max(pending.delay(), REPLICA_RETRY_NANOS));
            toRequest.add(pending.later(backoff));
            return false;
        }
        String id = answer != null && answer.ok() && answer.body() != null ? answer.body().path("id").asText(null) : null;
        record(Kind.DISBURSEMENT_REQUEST, pending.memberId(), pending.key(), pending.body(), answer, id);
        if (id != null) {
            toApprove.add(id);
        }
        return true;
    }

    private void approve(Api api, String disbursementId) throws InterruptedException {
        Answer answer = api.post(api.relief, "/api/disbursements/" + disbursementId + "/approval", Role.APPROVER, "{}",
                Map.of());
        record(Kind.APPROVAL, disbursementId, null, "{}", answer, null);
    }

    private void record(Kind kind, String target, String key, String body, Answer answer, String answerId) {
        Outcome outcome = outcome(answer);
        counts.get(kind).get(outcome).incrementAndGet();
        attempts.add(new Attempt(kind, target, key, body, outcome, answer == null ? 0 : answer.status(), answerId,
                answer == null ? null : answer.rule()));
    }

    static Outcome outcome(Answer answer) {
        if (answer == null || answer.status() >= 500) {
            return Outcome.UNKNOWN;
        }
        return answer.ok() ? Outcome.OK : Outcome.REFUSED;
    }
}
